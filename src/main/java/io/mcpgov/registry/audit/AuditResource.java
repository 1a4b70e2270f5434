package io.mcpgov.registry.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.QueryParams;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/audit")
@Tag(name = "audit", description = "The audit trail: every change, who made it and what it changed")
@SecurityRequirement(name = "bearerAuth")
public class AuditResource {

    public static final String NDJSON = "application/x-ndjson";

    private final AuditTrailRepository reader;
    private final AuditVerifier verifier;
    private final ObjectWriter lineWriter;

    AuditResource(AuditTrailRepository reader, AuditVerifier verifier, ObjectMapper json) {
        this.reader = reader;
        this.verifier = verifier;
        this.lineWriter = json.writerFor(AuditEventView.class);
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Query audit events", description = "Events in the order they were written; filter by time"
            + " (from inclusive, to exclusive, RFC 3339), actor subject, action, target type and id, request id.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an auditor or admin")
    public AuditPage query(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("requestId") String requestId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        AuditFilter filter = filter(from, to, actor, action, targetType, targetId, requestId, errors);
        long after = QueryParams.number(cursor, "/cursor", 0, Long.MAX_VALUE, 0, errors);
        int size = PageSize.REGISTRY.read(limit, errors);
        QueryParams.requireValid(errors);
        Page<StoredEvent> page = Page.of(reader.page(filter, after, size + 1), size,
                last -> String.valueOf(last.record().id()));
        return AuditPage.of(page.map(AuditEventView::of));
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Produces(NDJSON)
    @Operation(summary = "Export audit events as JSON lines", description = "One event per line (the shape of the"
            + " query's events, with hash and prevHash), in id order, for a SIEM. Same filters as the query, no paging:"
            + " the events are streamed from a database cursor as they are read.")
    @APIResponse(responseCode = "200", description = "application/x-ndjson, streamed (chunked)")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an auditor or admin")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("requestId") String requestId) {
        List<Violation> errors = new ArrayList<>();
        AuditFilter filter = filter(from, to, actor, action, targetType, targetId, requestId, errors);
        QueryParams.requireValid(errors);
        StreamingOutput lines = out -> reader.stream(filter, event -> {
            out.write(lineWriter.writeValueAsBytes(AuditEventView.of(event)));
            out.write('\n');
            return true;
        });
        return Response.ok(lines, NDJSON).header("Content-Disposition", "attachment; filename=\"audit.ndjson\"").build();
    }

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the hash chain", description = "Recomputes every event's hash from its content and"
            + " the previous event's hash, in id order, and names the first event that does not hold.")
    @APIResponse(responseCode = "200", description = "{intact, eventsChecked, head, firstBroken}")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an auditor or admin")
    public ChainVerification verify() {
        return verifier.verify();
    }

    private static AuditFilter filter(String from, String to, String actor, String action, String targetType,
            String targetId, String requestId, List<Violation> errors) {
        return new AuditFilter(time(from, "/from", errors), time(to, "/to", errors), blankToNull(actor),
                blankToNull(action), blankToNull(targetType), blankToNull(targetId), blankToNull(requestId));
    }

    private static Instant time(String value, String path, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Violation("invalid-time", path, "must be an RFC 3339 date-time"));
            return null;
        }
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
