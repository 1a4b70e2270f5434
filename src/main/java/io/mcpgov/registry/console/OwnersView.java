package io.mcpgov.registry.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.console.Views.PanelRow;
import io.mcpgov.registry.console.Views.ServerLine;
import io.mcpgov.registry.exception.ExceptionService;
import io.mcpgov.registry.exception.ExceptionState;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.tool.ReviewState;
import io.mcpgov.registry.tool.ToolReviewService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The owners' page: the servers of the signed-in publisher's teams, what keeps each from being listed and what would
 * unblock it, and their requests still waiting for a reviewer. Reviewers and admins see every server not listed.
 */
@ApplicationScoped
public class OwnersView {

    private final ConsoleServers servers;
    private final ConsoleRepository queries;
    private final ExceptionService exceptions;
    private final ToolReviewService reviews;
    private final ConsoleConfig settings;
    private final Caller caller;

    OwnersView(ConsoleServers servers, ConsoleRepository queries, ExceptionService exceptions,
            ToolReviewService reviews, ConsoleConfig settings, Caller caller) {
        this.servers = servers;
        this.queries = queries;
        this.exceptions = exceptions;
        this.reviews = reviews;
        this.settings = settings;
        this.caller = caller;
    }

    public record Owners(List<String> teams, List<Owned> mine, List<ServerLine> hidden, boolean seesAll,
            List<PanelRow> waiting) {
    }

    /**
     * One of the team's servers, what of it is waiting for a reviewer (empty when nothing), and whether an exception
     * can be requested for it here (hidden because API-key-only, and no request already waiting).
     */
    public record Owned(ServerLine line, String waiting, boolean mayRequest) {
    }

    public Owners build() {
        List<String> teams = caller.has(Roles.PUBLISHER) ? queries.owningTeams(caller.teams()) : List.of();
        List<ServerLine> lines = new ArrayList<>();
        if (caller.has(Roles.PUBLISHER)) {
            for (String name : queries.teamServers(caller.teams(), GovernanceOverview.MAX_SERVERS)) {
                servers.latest(name).map(servers::line).ifPresent(lines::add);
            }
            lines.sort(Comparator.comparing(ServerLine::listed).thenComparing(ServerLine::name));
        }
        boolean seesAll = caller.seesAllEntries();
        List<ServerLine> hidden = new ArrayList<>();
        if (seesAll) {
            for (JsonNode item : GovernanceOverview.AllLatest.read(servers, GovernanceOverview.MAX_SERVERS).items()) {
                ServerLine line = servers.line(item);
                if (!line.listed() && !teams.contains(line.team())) {
                    hidden.add(line);
                }
            }
        }
        List<PanelRow> waiting = new ArrayList<>();
        if (!teams.isEmpty()) {
            Instant now = Times.now();
            exceptions.list(ExceptionState.PENDING, null, null, 0, settings.pageSize()).exceptions().stream()
                    .filter(e -> teams.contains(e.owningTeam()))
                    .forEach(e -> waiting.add(new PanelRow(e.serverName(), Text.serverHref(e.serverName()),
                            "API-key exception requested by " + e.requestedBy() + ", waiting "
                                    + Text.age(e.requestedAt(), now), "pending")));
            reviews.list(ReviewState.PENDING, null, 0, settings.pageSize()).reviews().stream()
                    .filter(r -> teams.contains(r.owningTeam()))
                    .forEach(r -> waiting.add(new PanelRow(r.serverName() + " · " + r.toolName(),
                            Text.serverHref(r.serverName()), r.classification() + " tool, "
                                    + (r.requiresApproval() ? "unavailable to agents until approved" : "flagged")
                                    + ", waiting " + Text.age(r.requestedAt(), now), "pending")));
        }
        List<Owned> mine = lines.stream().map(line -> {
            String pending = waiting.stream().filter(w -> w.href().equals(line.href())).map(PanelRow::detail)
                    .collect(java.util.stream.Collectors.joining("; "));
            boolean apiKeyOnly = line.blocks().stream().anyMatch(b -> b.ruleId().equals("api-key-only"));
            return new Owned(line, pending, apiKeyOnly && !pending.contains("API-key exception"));
        }).toList();
        return new Owners(teams, mine, hidden, seesAll, waiting);
    }
}
