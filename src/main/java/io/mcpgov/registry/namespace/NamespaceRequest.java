package io.mcpgov.registry.namespace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT .../namespaces/{namespace}. */
public record NamespaceRequest(
        @NotBlank(message = "owningTeam is required") @Size(max = 200, message = "owningTeam must be at most 200 characters")
        String owningTeam,
        Boolean includeSubnamespaces,
        @Pattern(regexp = "open|review", message = "admission must be open or review") String admission) {

    public NamespaceRequest(String owningTeam, Boolean includeSubnamespaces) {
        this(owningTeam, includeSubnamespaces, null);
    }
}
