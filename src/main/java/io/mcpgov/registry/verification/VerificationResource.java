package io.mcpgov.registry.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.limits.CallerBudgets;
import io.mcpgov.registry.limits.CallerKey;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.HiddenEntries;
import io.mcpgov.registry.server.ServerReadService;
import io.mcpgov.registry.server.ServerRow;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/servers/{serverName}/versions/{version}/verification")
@Tag(name = "verification", description = "What the registry observed when it probed a server's OAuth set-up")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final ServerReadService reads;
    private final ServerVersionRepository versions;
    private final VerificationService service;
    private final VerificationStore store;
    private final Caller caller;
    private final ObjectMapper json;
    private final HiddenEntries entries;
    private final CallerBudgets budgets;

    VerificationResource(ServerReadService reads, ServerVersionRepository versions, VerificationService service,
            VerificationStore store, Caller caller, ObjectMapper json, HiddenEntries entries, CallerBudgets budgets) {
        this.entries = entries;
        this.budgets = budgets;
        this.reads = reads;
        this.versions = versions;
        this.service = service;
        this.store = store;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @PermitAll
    @Operation(summary = "The last verification of a version", description = "Per remote: verdict, every check (id,"
            + " level, spec revision, observation) and every probe made. Same access as reads; 'latest' allowed.")
    @APIResponse(responseCode = "200", description = "The verification")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such version visible to the caller")
    public VerificationDetail get(@PathParam("serverName") String serverName, @PathParam("version") String version) {
        ServerRow row = reads.visible(serverName, version, true);
        return new VerificationDetail(row.name(), row.version(), view(row), store.lastResults(row.id()));
    }

    @POST
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Verify a version's remotes now", description = "Probes every remote with no user and no"
            + " token, following the MCP client discovery order, and stores the result (audited). Publishers of the"
            + " owning team, reviewers and admins. Answers when the probes finish (bounded by"
            + " registry.verification.budget per remote).")
    @APIResponse(responseCode = "200", description = "The new verification")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a publisher of the owning team, reviewer or admin")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "429", description = "The caller's verify-now budget is spent, or it has"
            + " registry.limits.verify-now.concurrent verifications running already")
    public VerificationDetail verify(@PathParam("serverName") String serverName, @PathParam("version") String version) {
        ServerVersion entry = ("latest".equals(version) ? versions.latest(serverName) : versions.findVersion(serverName, version))
                .orElseThrow(HiddenEntries::versionNotFound);
        if (!caller.hasAny(Roles.REVIEWER, Roles.ADMIN) && !caller.inTeam(entry.owningTeam)) {
            throw entries.refusal(entry.name, entry.version, new ProblemException(403, "Forbidden", "Only the owning"
                    + " team, reviewers and admins may ask for a check.", List.of(new Violation("namespace-not-owned",
                    "", "The server is owned by another team."))));
        }
        try (CallerBudgets.Slot slot = budgets.verifyNowSlot(CallerKey.token(caller.subject(), caller.clientId()))) {
            VerificationView view = service.verifyNow(entry.id);
            return new VerificationDetail(entry.name, entry.version, view, store.lastResults(entry.id));
        }
    }

    private VerificationView view(ServerRow row) {
        String raw = row.extensions().get("verification");
        try {
            return raw == null ? null : json.readValue(raw, VerificationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored verification could not be read", e);
        }
    }
}
