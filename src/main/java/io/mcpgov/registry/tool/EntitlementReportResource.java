package io.mcpgov.registry.tool;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/reports/entitlements")
@Tag(name = "reports", description = "Reports for access reviews")
@SecurityRequirement(name = "bearerAuth")
public class EntitlementReportResource {

    static final String CSV = "text/csv";
    private static final int MAX_FILTER = 255;

    private final EntitlementReport report;

    EntitlementReportResource(EntitlementReport report) {
        this.report = report;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Tool entitlements of every server", description = "One row per tool of each server's latest"
            + " version (a server without tools has one row without a tool): classification, scopes, approval state,"
            + " availability, owning team and accountable owner. Streamed; JSON {generatedAt, rows[]} or RFC 4180 CSV.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Invalid format or filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, admin or auditor")
    public Response entitlements(
            @Parameter(description = "Only servers in this namespace (such as com.example) or its sub-namespaces")
            @QueryParam("namespace") String namespace,
            @Parameter(description = "Only servers whose accountable owner is this subject") @QueryParam("owner") String owner,
            @Parameter(description = "Only servers owned by this team") @QueryParam("team") String team,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        List<Violation> errors = new ArrayList<>();
        String wanted = format == null || format.isBlank() ? "json" : format.trim();
        if (!wanted.equals("json") && !wanted.equals("csv")) {
            errors.add(new Violation("invalid-format", "/format", "format must be json or csv"));
        }
        EntitlementReport.Filter filter = new EntitlementReport.Filter(
                filter(namespace, "/namespace", errors), filter(owner, "/owner", errors), filter(team, "/team", errors));
        if (filter.namespace() != null && filter.namespace().contains("/")) {
            errors.add(new Violation("invalid-namespace", "/namespace", "a namespace is the part of a server name before '/'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The report parameters are invalid.", errors.toArray(Violation[]::new));
        }
        if (wanted.equals("csv")) {
            StreamingOutput body = out -> report.writeCsv(filter, out);
            return Response.ok(body, CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"entitlements.csv\"").build();
        }
        StreamingOutput body = out -> report.writeJson(filter, out);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static String filter(String value, String path, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            errors.add(new Violation("invalid-filter", path, "at most " + MAX_FILTER + " characters"));
            return null;
        }
        return value.trim();
    }
}
