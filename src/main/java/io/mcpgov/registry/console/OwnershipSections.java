package io.mcpgov.registry.console;

import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.console.Views.Panel;
import io.mcpgov.registry.console.Views.PanelRow;
import io.mcpgov.registry.report.GovernanceReport;
import io.mcpgov.registry.report.GovernanceReportService;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The overview's panels about people: orphaned servers and overdue access reviews, from the governance report. */
final class OwnershipSections {

    private OwnershipSections() {
    }

    /** The governance report, built once per page for the panels that need it, for those who may read it. */
    @RequestScoped
    static class Report {

        private final GovernanceReportService reports;
        private final ConsoleConfig settings;
        private final Caller caller;
        private GovernanceReport report;

        Report(GovernanceReportService reports, ConsoleConfig settings, Caller caller) {
            this.reports = reports;
            this.settings = settings;
            this.caller = caller;
        }

        Optional<GovernanceReport> get() {
            if (!caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR)) {
                return Optional.empty();
            }
            if (report == null) {
                report = reports.build(settings.expiringSoonDays(), settings.expiringSoonDays(), null);
            }
            return Optional.of(report);
        }
    }

    @ApplicationScoped
    static class Orphaned implements OverviewSection {

        private final Report report;

        Orphaned(Report report) {
            this.report = report;
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public Optional<Panel> panel() {
            return report.get().map(r -> {
                Instant now = Times.now();
                List<PanelRow> rows = r.orphanedServers().stream().map(o -> new PanelRow(o.name(), Text.serverHref(o.name()),
                        "team " + o.owningTeam() + ", owner offboarded " + Text.age(o.offboardedAt(), now) + " ago",
                        "orphaned")).toList();
                return new Panel("orphaned", "Orphaned servers", "Their accountable owner was offboarded: hidden from"
                        + " agents until someone of the owning team takes them over.", "No orphaned server.", rows,
                        rows.size());
            });
        }
    }

    @ApplicationScoped
    static class OverdueAccessReviews implements OverviewSection {

        private final Report report;

        OverdueAccessReviews(Report report) {
            this.report = report;
        }

        @Override
        public int order() {
            return 50;
        }

        @Override
        public Optional<Panel> panel() {
            return report.get().map(r -> {
                List<PanelRow> rows = r.overdueReviews().stream().map(o -> new PanelRow(o.serverName(),
                        Text.serverHref(o.serverName()), o.campaignName() + ": " + o.accountableOwner() + " has not"
                                + " attested, " + o.daysOverdue() + " days past " + Text.time(o.dueAt()), "overdue"))
                        .toList();
                return new Panel("overdue-access-reviews", "Access reviews overdue", "Servers whose accountable owner"
                        + " has not re-attested scopes, tools and exceptions by the campaign's due date.",
                        "No access review is overdue.", rows, rows.size());
            });
        }
    }
}
