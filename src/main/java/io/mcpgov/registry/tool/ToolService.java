package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.ReadAccess;
import io.mcpgov.registry.server.ServerReadService;
import io.mcpgov.registry.server.ServerRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What agents ask about a version's tools. Every answer first resolves the version through the read path, so an
 * entry a caller may not see is 404 here too.
 */
@ApplicationScoped
public class ToolService {

    private static final int MAX_ITEM_LENGTH = 256;

    private final ReadAccess readAccess;
    private final ServerReadService reads;
    private final ToolCatalog catalog;
    private final ObjectMapper json;
    private final ToolConfig settings;

    ToolService(ReadAccess readAccess, ServerReadService reads, ToolCatalog catalog, ObjectMapper json,
            ToolConfig settings) {
        this.readAccess = readAccess;
        this.reads = reads;
        this.catalog = catalog;
        this.json = json;
        this.settings = settings;
    }

    public VersionToolsView tools(String name, String version) {
        ServerRow row = reads.visibleVersion(name, version);
        ToolCatalog.VersionTools tools = catalog.of(row.id());
        return new VersionToolsView(row.name(), row.version(), tools.declared(), tools.tools(),
                tools.changesJson() == null ? null : new RawValue(tools.changesJson()));
    }

    public ScopePlan plan(String name, String version, JsonNode body) {
        readAccess.require();
        List<String> requested = items(body, "tools");
        ServerRow row = reads.visibleVersion(name, version);
        return ScopePlanner.plan(row.name(), row.version(), oauth(row), catalog.of(row.id()).tools(), requested);
    }

    public ScopeUnlock unlock(String name, String version, JsonNode body) {
        readAccess.require();
        List<String> scopes = items(body, "scopes");
        ServerRow row = reads.visibleVersion(name, version);
        return ScopePlanner.unlock(row.name(), row.version(), oauth(row), catalog.of(row.id()).tools(), scopes);
    }

    private OAuthTarget oauth(ServerRow row) {
        try {
            return OAuthTarget.of(json.readTree(row.authProfileJson()).get("oauth2"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored auth profile is not JSON", e);
        }
    }

    /** A non-empty array of non-empty strings, at most {@code registry.tools.max-plan-items}. */
    private List<String> items(JsonNode body, String field) {
        JsonNode array = body == null ? null : body.get(field);
        String path = "/" + field;
        int max = settings.maxPlanItems();
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw ProblemException.badRequest("The body must be {\"" + field + "\": [...]}.",
                    new Violation(field + "-required", path, field + " must be a non-empty array of strings"));
        }
        if (array.size() > max) {
            throw ProblemException.badRequest("Too many " + field + ".",
                    new Violation("too-many-items", path, "at most " + max + " " + field + " per request"));
        }
        List<String> out = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > MAX_ITEM_LENGTH) {
                errors.add(new Violation("invalid-item", path + "/" + i,
                        "must be a string of 1 to " + MAX_ITEM_LENGTH + " characters"));
            } else {
                out.add(item.asText());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The body has invalid " + field + ".", errors.toArray(Violation[]::new));
        }
        return out;
    }
}
