package io.mcpgov.registry.report;

import io.mcpgov.registry.common.Csv;
import java.util.Arrays;
import java.util.Map;

/**
 * The report as one CSV table (RFC 4180, CRLF), one row per figure or item, with the columns {@link #HEADER}; a
 * column that does not apply to a section is empty. Written by {@link Csv}, which defuses formulas.
 */
final class ReportCsv {

    static final String HEADER = "section,server_name,version,owning_team,accountable_owner,subject,category,id,state,date,count,detail";

    private ReportCsv() {
    }

    static String write(GovernanceReport r) {
        StringBuilder out = new StringBuilder(4096);
        out.append(HEADER).append("\r\n");
        counts(out, "servers-by-auth-type", r.serversByAuthType());
        counts(out, "servers-by-verification-state", r.serversByVerificationState());
        row(out, "servers-without-contact", null, null, null, null, null, null, null, null, null, r.serversWithoutContact(), null);
        for (var e : r.exceptionsExpiringSoon()) {
            row(out, "exceptions-expiring", e.serverName(), null, e.owningTeam(), null, null, e.classification(), e.id(),
                    e.state(), e.expiresAt(), null, null);
        }
        for (var e : r.expiredExceptions()) {
            row(out, "expired-exceptions", e.serverName(), null, e.owningTeam(), null, null, e.classification(), e.id(),
                    e.state(), e.expiresAt(), null, null);
        }
        for (var e : r.revokedExceptions()) {
            row(out, "revoked-exceptions", e.serverName(), null, e.owningTeam(), null, e.revokedBy(), e.classification(),
                    e.id(), e.state(), e.revokedAt(), null, null);
        }
        for (var s : r.orphanedServers()) {
            row(out, "orphaned-servers", s.name(), null, s.owningTeam(), s.accountableOwner(), s.accountableOwner(), null,
                    null, "orphaned", s.offboardedAt(), null, null);
        }
        for (var d : r.decisionsToRetake()) {
            row(out, "decisions-to-retake", d.serverName(), null, null, null, d.subject(), d.targetType(), d.targetId(),
                    d.role(), d.flaggedAt(), null, null);
        }
        for (var t : r.destructiveToolsAwaitingApproval()) {
            row(out, "destructive-tools-awaiting-approval", t.serverName(), t.version(), t.owningTeam(), null,
                    t.requestedBy(), t.toolName(), t.reviewId(), "pending", t.requestedAt(), null, null);
        }
        for (var o : r.overdueReviews()) {
            row(out, "overdue-reviews", o.serverName(), o.version(), o.owningTeam(), o.accountableOwner(), null, null,
                    o.campaignId(), "pending", o.dueAt(), o.daysOverdue(), o.campaignName());
        }
        return out.toString();
    }

    private static void counts(StringBuilder out, String section, Map<String, Long> counts) {
        counts.forEach((category, count) ->
                row(out, section, null, null, null, null, null, category, null, null, null, count, null));
    }

    private static void row(StringBuilder out, Object... cells) {
        out.append(Csv.record(Arrays.asList(cells)));
    }
}
