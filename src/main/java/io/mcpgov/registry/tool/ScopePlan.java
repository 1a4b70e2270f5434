package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The least-privilege scope request for the tools an agent intends to use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopePlan(
        String server,
        String version,
        @Schema(description = "The minimal scope set to request: the server's scopesRequired and every scope the"
                + " planned tools need, sorted; empty when no tool could be planned") List<String> scopes,
        @Schema(description = "The resource to request the token for (RFC 8707), from the OAuth declaration") String resource,
        @Schema(description = "Where to request it") List<String> authorizationServers,
        String protectedResourceMetadata,
        @Schema(description = "Scopes the server requires for any call (its scopesRequired)") List<String> requiredByServer,
        @Schema(description = "The tools the scopes are for") List<PlannedTool> tools,
        @Schema(description = "Tools the plan leaves out, each with a rule id and the reason") List<Refusal> refusals,
        @Schema(description = "True when every requested tool is planned") boolean complete) {

    public record PlannedTool(String name, String classification, List<String> scopes) {
    }

    public record Refusal(String tool, String ruleId, String message) {
    }
}
