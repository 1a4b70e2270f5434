package io.mcpgov.registry.report;

import jakarta.enterprise.context.ApplicationScoped;

/** The governance report: what needs attention, by section. Servers are their latest versions. */
@ApplicationScoped
public class GovernanceReportService {

    private final GovernanceReportRepository reports;

    GovernanceReportService(GovernanceReportRepository reports) {
        this.reports = reports;
    }

    public GovernanceReport build(int expiringWithinDays, int endedWithinDays, String team) {
        return reports.read(expiringWithinDays, endedWithinDays, team);
    }
}
