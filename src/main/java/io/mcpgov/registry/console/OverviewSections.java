package io.mcpgov.registry.console;

import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.console.Views.Panel;
import io.mcpgov.registry.console.Views.PanelRow;
import io.mcpgov.registry.exception.ExceptionService;
import io.mcpgov.registry.exception.ExceptionState;
import io.mcpgov.registry.exception.ExceptionView;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.tool.ReviewState;
import io.mcpgov.registry.tool.ToolReviewService;
import io.mcpgov.registry.tool.ToolReviewView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The overview's panels built from what the registry records today. */
final class OverviewSections {

    private static final int SCAN = 200;

    private OverviewSections() {
    }

    private static boolean readsQueues(Caller caller) {
        return caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER);
    }

    /** Approved exceptions that end within {@code registry.console.expiring-soon-days}, soonest first. */
    @ApplicationScoped
    static class ExpiringExceptions implements OverviewSection {

        private final ExceptionService exceptions;
        private final ConsoleConfig settings;
        private final Caller caller;

        ExpiringExceptions(ExceptionService exceptions, ConsoleConfig settings, Caller caller) {
            this.exceptions = exceptions;
            this.settings = settings;
            this.caller = caller;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public Optional<Panel> panel() {
            if (!readsQueues(caller)) {
                return Optional.empty();
            }
            Instant now = Times.now();
            Instant horizon = now.plus(Duration.ofDays(settings.expiringSoonDays()));
            List<ExceptionView> soon = new ArrayList<>();
            int offset = 0;
            while (true) {
                var page = exceptions.list(ExceptionState.APPROVED, null, null, offset, SCAN);
                page.exceptions().stream().filter(e -> end(e) != null && end(e).isBefore(horizon)).forEach(soon::add);
                if (page.metadata().nextCursor() == null) {
                    break;
                }
                offset += SCAN;
            }
            soon.sort(Comparator.comparing(ExpiringExceptions::end));
            List<PanelRow> rows = soon.stream().map(e -> new PanelRow(e.serverName(), Text.serverHref(e.serverName()),
                    e.classification() + ", ends " + Text.time(end(e)) + " (in " + Text.age(now, end(e)) + ")",
                    "expiring")).toList();
            return Optional.of(new Panel("expiring", "Exceptions expiring soon", "Approved exceptions that end"
                    + " within " + settings.expiringSoonDays() + " days: the server is hidden again then, unless a"
                    + " renewal is approved.", "No exception ends within " + settings.expiringSoonDays() + " days.",
                    rows, rows.size()));
        }

        private static Instant end(ExceptionView e) {
            return e.expiresAt() != null ? e.expiresAt() : e.reviewBy();
        }
    }

    /** Destructive tools that agents cannot use until a reviewer approves them. */
    @ApplicationScoped
    static class DestructiveToolsAwaiting implements OverviewSection {

        private final ToolReviewService reviews;
        private final ConsoleConfig settings;
        private final Caller caller;

        DestructiveToolsAwaiting(ToolReviewService reviews, ConsoleConfig settings, Caller caller) {
            this.reviews = reviews;
            this.settings = settings;
            this.caller = caller;
        }

        @Override
        public int order() {
            return 20;
        }

        @Override
        public Optional<Panel> panel() {
            if (!readsQueues(caller)) {
                return Optional.empty();
            }
            Instant now = Times.now();
            var page = reviews.list(ReviewState.PENDING, null, 0, settings.pageSize());
            List<PanelRow> rows = page.reviews().stream().filter(ToolReviewView::requiresApproval)
                    .map(r -> new PanelRow(r.serverName() + " · " + r.toolName(), Text.serverHref(r.serverName()),
                            r.classification() + ", waiting " + Text.age(r.requestedAt(), now), "awaiting approval"))
                    .toList();
            return Optional.of(new Panel("destructive-tools", "Destructive tools awaiting approval", "Agents cannot"
                    + " use these tools until a reviewer approves them.", "No destructive tool is waiting.", rows,
                    rows.size()));
        }
    }

    /** Exceptions and tool reviews pending for longer than {@code registry.console.review-overdue-days}. */
    @ApplicationScoped
    static class OverdueReviews implements OverviewSection {

        private final ExceptionService exceptions;
        private final ToolReviewService reviews;
        private final ConsoleConfig settings;
        private final Caller caller;

        OverdueReviews(ExceptionService exceptions, ToolReviewService reviews, ConsoleConfig settings, Caller caller) {
            this.exceptions = exceptions;
            this.reviews = reviews;
            this.settings = settings;
            this.caller = caller;
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public Optional<Panel> panel() {
            if (!readsQueues(caller)) {
                return Optional.empty();
            }
            Instant now = Times.now();
            Instant before = now.minus(Duration.ofDays(settings.reviewOverdueDays()));
            List<PanelRow> rows = new ArrayList<>();
            exceptions.list(ExceptionState.PENDING, null, null, 0, settings.pageSize()).exceptions().stream()
                    .filter(e -> e.requestedAt().isBefore(before))
                    .forEach(e -> rows.add(new PanelRow(e.serverName(), Text.serverHref(e.serverName()),
                            "API-key exception requested by " + e.requestedBy() + ", waiting "
                                    + Text.age(e.requestedAt(), now), "overdue")));
            reviews.list(ReviewState.PENDING, null, 0, settings.pageSize()).reviews().stream()
                    .filter(r -> r.requestedAt().isBefore(before))
                    .forEach(r -> rows.add(new PanelRow(r.serverName() + " · " + r.toolName(),
                            Text.serverHref(r.serverName()), "tool review, waiting " + Text.age(r.requestedAt(), now),
                            "overdue")));
            return Optional.of(new Panel("overdue", "Overdue reviews", "Requests waiting for a reviewer for more"
                    + " than " + settings.reviewOverdueDays() + " days.", "Nothing has waited that long.", rows,
                    rows.size()));
        }
    }
}
