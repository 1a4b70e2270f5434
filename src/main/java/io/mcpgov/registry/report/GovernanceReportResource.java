package io.mcpgov.registry.report;

import io.mcpgov.registry.common.QueryParams;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/reports/governance")
@Tag(name = "reports", description = "Governance reports for IAM teams")
@SecurityRequirement(name = "bearerAuth")
public class GovernanceReportResource {

    public static final String CSV = "text/csv";
    private static final int MAX_DAYS = 3650;

    private final GovernanceReportService reports;

    GovernanceReportResource(GovernanceReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The governance report", description = "Servers by auth type and verification state,"
            + " servers without a contact, exceptions expiring within expiringWithinDays (default 30), exceptions that"
            + " expired or were revoked within endedWithinDays (default 90), orphaned servers, decisions to take again"
            + " after offboardings, destructive tools awaiting approval, overdue reviews; of one owning team with team."
            + " JSON, or CSV with format=csv or Accept: text/csv (one table; the columns are in docs/governance.md).")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceReport.class)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, admin or auditor")
    public Response report(@QueryParam("expiringWithinDays") String expiringWithinDays,
            @QueryParam("endedWithinDays") String endedWithinDays, @QueryParam("team") String team,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        List<Violation> errors = new ArrayList<>();
        int expiring = (int) QueryParams.number(expiringWithinDays, "/expiringWithinDays", 0, MAX_DAYS, 30, errors);
        int ended = (int) QueryParams.number(endedWithinDays, "/endedWithinDays", 0, MAX_DAYS, 90, errors);
        boolean csv;
        if (format == null || format.isBlank()) {
            List<MediaType> accepted = headers.getAcceptableMediaTypes();
            csv = !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(CSV))
                    && !accepted.get(0).isWildcardType();
        } else {
            csv = "csv".equals(format.trim());
            if (!csv && !"json".equals(format.trim())) {
                errors.add(new Violation("invalid-format", "/format", "format must be json or csv"));
            }
        }
        QueryParams.requireValid(errors);
        GovernanceReport report = reports.build(expiring, ended, team == null || team.isBlank() ? null : team.trim());
        if (csv) {
            return Response.ok(ReportCsv.write(report), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"governance-report.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
