package io.mcpgov.registry.audit;

import io.mcpgov.registry.common.ProblemException;
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

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditEventRepository events;

    AuditResource(AuditEventRepository events) {
        this.events = events;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Query audit events", description = "Events in the order they were written; filter by time"
            + " (from inclusive, to exclusive, RFC 3339), actor subject, action, target type and id.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an auditor or admin")
    public AuditPage query(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        Instant fromTime = time(from, "/from", errors);
        Instant toTime = time(to, "/to", errors);
        long after = QueryParams.number(cursor, "/cursor", 0, Long.MAX_VALUE, 0, errors);
        int size = (int) QueryParams.number(limit, "/limit", 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The audit query parameters are invalid.", errors.toArray(Violation[]::new));
        }
        AuditFilter filter = new AuditFilter(fromTime, toTime, blankToNull(actor), blankToNull(action),
                blankToNull(targetType), blankToNull(targetId));
        List<AuditEvent> found = events.search(filter, after, size + 1);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            next = String.valueOf(found.get(found.size() - 1).id);
        }
        return new AuditPage(found.stream().map(AuditEventView::of).toList(), new AuditPage.Metadata(next, found.size()));
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
