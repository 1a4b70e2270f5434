package io.mcpgov.registry.server;

import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.classification.PolicyConfig;
import io.mcpgov.registry.common.PageMetadata;
import io.mcpgov.registry.common.StoredJson;
import io.mcpgov.registry.common.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns rows into the wire shape. No parsing of stored documents: they are written out as stored. */
@ApplicationScoped
public class ServerViews {

    private final boolean packagesCount;
    private final Map<String, ListingRule> rules;

    ServerViews(PolicyConfig policy, ListingGate gate) {
        this.packagesCount = policy.packagesWithSecretsAreApiKey();
        this.rules = gate.rules().stream().collect(Collectors.toMap(ListingRule::ruleId, Function.identity()));
    }

    public ServerResponse response(ServerRow row) {
        return response(row, null);
    }

    public ServerResponse response(ServerRow row, List<Violation> warnings) {
        var official = new ServerResponse.Official(row.status(), row.statusChangedAt(), row.statusMessage(),
                row.publishedAt(), row.updatedAt(), row.latest());
        return new ServerResponse(StoredJson.raw(row.documentText()),
                new ServerResponse.Meta(official, governance(row, warnings)));
    }

    public ServerListResponse list(List<ServerRow> rows, String nextCursor) {
        return new ServerListResponse(rows.stream().map(this::response).toList(),
                new PageMetadata(nextCursor, rows.size()));
    }

    private GovernanceView governance(ServerRow row, List<Violation> warnings) {
        List<GovernanceView.Reason> reasons = row.hiddenBy().stream()
                .map(id -> new GovernanceView.Reason(id, rules.get(id).message()))
                .toList();
        GovernanceView.ExceptionSummary exception = row.exception() == null ? null
                : new GovernanceView.ExceptionSummary(row.exception().id(), row.exception().classification(),
                        row.exception().expiresAt());
        return new GovernanceView(row.listed(), reasons, authType(row), apiKeyOnly(row),
                StoredJson.raw(row.authProfileJson()), exception,
                new GovernanceView.Owner(row.owningTeam(), row.accountableOwner()),
                warnings == null || warnings.isEmpty() ? null : warnings, raw(row.extensions()));
    }

    private static Map<String, RawValue> raw(Map<String, String> json) {
        Map<String, RawValue> out = new LinkedHashMap<>();
        json.forEach((key, value) -> out.put(key, StoredJson.raw(value)));
        return out;
    }

    static String authType(ServerRow row) {
        if (row.hasOauth()) {
            return "oauth2";
        }
        return row.hasRemoteApiKey() || row.hasPackageSecret() ? "api-key" : "none";
    }

    private boolean apiKeyOnly(ServerRow row) {
        return !row.hasOauth() && (row.hasRemoteApiKey() || (packagesCount && row.hasPackageSecret()));
    }
}
