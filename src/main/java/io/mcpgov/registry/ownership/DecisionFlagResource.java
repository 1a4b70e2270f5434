package io.mcpgov.registry.ownership;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.QueryParams;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.decision.DecisionRequest;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/decision-flags")
@Tag(name = "ownership", description = "Accountable owners, operational contacts, offboarding")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionFlagResource {

    private final DecisionFlagService service;

    DecisionFlagResource(DecisionFlagService service) {
        this.service = service;
    }

    /** A page of flags; {@code nextCursor} is present when more may follow. */
    public record FlagPage(List<FlagView> flags, PageMetadata metadata) {
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Decisions flagged for a new decision", description = "Exceptions (and tool approvals, where"
            + " installed) that an offboarded person requested or decided. state: open (default) or resolved or all.")
    @APIResponse(responseCode = "200", description = "A page of flags in id order")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, admin or auditor")
    public FlagPage list(@QueryParam("state") String state, @QueryParam("targetType") String targetType,
            @QueryParam("subject") String subject, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        Boolean open = switch (state == null || state.isBlank() ? "open" : state.trim()) {
            case "open" -> Boolean.TRUE;
            case "resolved" -> Boolean.FALSE;
            case "all" -> null;
            default -> {
                errors.add(new Violation("invalid-state", "/state", "state must be open, resolved or all"));
                yield null;
            }
        };
        long after = QueryParams.number(cursor, "/cursor", 0, Long.MAX_VALUE, 0, errors);
        int size = PageSize.REGISTRY.read(limit, errors);
        QueryParams.requireValid(errors);
        List<FlagView> found = service.search(open, blankToNull(targetType), blankToNull(subject), after, size + 1);
        Page<FlagView> page = Page.of(found, size, last -> String.valueOf(last.id()));
        return new FlagPage(page.items(), page.metadata());
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Record the new decision on a flagged decision", description = "With the reason: that it"
            + " still holds, or that it was revoked or rejected. Until then the exception shows needsNewDecision.")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer or admin")
    @APIResponse(responseCode = "404", description = "No such flag")
    @APIResponse(responseCode = "409", description = "Already resolved")
    public FlagView resolve(@PathParam("id") String id, DecisionRequest body) {
        long flagId;
        try {
            flagId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Flag not found.");
        }
        return service.resolve(flagId, body == null ? null : body.reason());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
