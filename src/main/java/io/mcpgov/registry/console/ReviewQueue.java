package io.mcpgov.registry.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.console.Views.ExceptionItem;
import io.mcpgov.registry.console.Views.ToolItem;
import io.mcpgov.registry.exception.ExceptionService;
import io.mcpgov.registry.exception.ExceptionState;
import io.mcpgov.registry.exception.ExceptionView;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.tool.ReviewState;
import io.mcpgov.registry.tool.ToolReviewService;
import io.mcpgov.registry.tool.ToolReviewView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reviewers' queue: pending API-key exceptions and tool reviews, oldest first, each with what a reviewer needs
 * to decide it. Read through the same services as the API, so the caller sees exactly what the API would show.
 */
@ApplicationScoped
public class ReviewQueue {

    private final ExceptionService exceptions;
    private final ToolReviewService toolReviews;
    private final ConsoleServers servers;
    private final Caller caller;

    ReviewQueue(ExceptionService exceptions, ToolReviewService toolReviews, ConsoleServers servers,
            Caller caller) {
        this.exceptions = exceptions;
        this.toolReviews = toolReviews;
        this.servers = servers;
        this.caller = caller;
    }

    public record Queue(List<ExceptionItem> exceptions, boolean moreExceptions, List<ToolItem> tools,
            boolean moreTools) {
    }

    public Queue pending(String serverName, int limit) {
        Instant now = Times.now();
        String name = serverName == null || serverName.isBlank() ? null : serverName.trim();
        var exceptionPage = exceptions.list(ExceptionState.PENDING, name, null, 0, limit);
        var toolPage = toolReviews.list(ReviewState.PENDING, name, 0, limit);
        List<ExceptionItem> exceptionItems = exceptionPage.exceptions().stream()
                .sorted(Comparator.comparing(ExceptionView::requestedAt))
                .map(e -> exceptionItem(e, now)).toList();
        List<ToolItem> toolItems = toolPage.reviews().stream()
                .sorted(Comparator.comparing(ToolReviewView::requestedAt))
                .map(r -> toolItem(r, now)).toList();
        return new Queue(exceptionItems, exceptionPage.metadata().nextCursor() != null, toolItems,
                toolPage.metadata().nextCursor() != null);
    }

    private ExceptionItem exceptionItem(ExceptionView e, Instant now) {
        Optional<JsonNode> latest = servers.latest(e.serverName());
        Set<Involvement> involved = exceptions.callerInvolvement(e.id());
        String fourEyes = fourEyes(involved, exceptions::describe);
        var controls = e.compensatingControls();
        Instant end = e.expiresAt() != null ? e.expiresAt() : e.reviewBy();
        return new ExceptionItem(e.id().toString(), e.serverName(), Text.serverHref(e.serverName()),
                e.classification(), e.versionRange() == null ? "every version" : e.versionRange(),
                (e.expiresAt() != null ? "expires " : "review by ") + Text.time(end), e.justification(),
                controls.rotationDays() == null ? 0 : controls.rotationDays(), controls.keyStorage(),
                controls.offboardingOwner(), e.requestedBy(), Text.time(e.requestedAt()), Text.age(e.requestedAt(), now),
                latest.map(l -> Text.text(ConsoleServers.governance(l), "authType")).orElse(""),
                latest.map(servers::remotes).orElse(List.of()),
                latest.map(l -> ConsoleServers.verificationState(ConsoleServers.governance(l))).orElse(""),
                canDecide() && involved.isEmpty(), fourEyes, e.state());
    }

    private ToolItem toolItem(ToolReviewView r, Instant now) {
        Optional<JsonNode> latest = servers.latest(r.serverName());
        Set<Involvement> involved = toolReviews.callerInvolvement(r.id());
        String fourEyes = fourEyes(involved, toolReviews::describe);
        JsonNode definition = r.definition() == null ? null : servers.tree(r.definition());
        JsonNode reasons = servers.tree(r.reasons());
        return new ToolItem(r.id().toString(), r.serverName(), Text.serverHref(r.serverName()), r.toolName(),
                r.classification(), Text.joined(reasons), definition == null ? "" : Text.joined(definition.path("scopes")),
                definition == null ? "" : Text.text(definition, "description"), String.join(", ", r.versions()),
                r.requestedBy() == null ? "" : r.requestedBy(), Text.time(r.requestedAt()), Text.age(r.requestedAt(), now),
                latest.map(l -> Text.text(ConsoleServers.governance(l), "authType")).orElse(""),
                latest.map(l -> ConsoleServers.verificationState(ConsoleServers.governance(l))).orElse(""),
                canDecide() && involved.isEmpty(), fourEyes, r.state());
    }

    /** Why the four-eyes rule keeps the caller from deciding (the service's own words); empty when it does not. */
    private static String fourEyes(Set<Involvement> involved, Function<Involvement, String> describe) {
        if (involved.isEmpty()) {
            return "";
        }
        return "Four eyes: " + involved.stream().map(describe).collect(Collectors.joining("; "))
                + ". Another reviewer must decide it.";
    }

    private boolean canDecide() {
        return caller.has(Roles.REVIEWER);
    }
}
