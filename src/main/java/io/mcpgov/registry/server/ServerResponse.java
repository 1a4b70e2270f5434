package io.mcpgov.registry.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.common.RegistryMeta;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One server version on the wire: the server.json as published and the registry's metadata beside it. */
@JsonPropertyOrder({"server", "_meta"})
public record ServerResponse(
        @Schema(description = "The server.json as published", implementation = Object.class) RawValue server,
        @JsonProperty("_meta") Meta meta) {

    @JsonPropertyOrder({RegistryMeta.OFFICIAL, RegistryMeta.KEY})
    public record Meta(
            @JsonProperty(RegistryMeta.OFFICIAL) Official official,
            @JsonProperty(RegistryMeta.KEY) GovernanceView governance) {
    }

    /** The official registry's metadata, field for field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "statusChangedAt", "statusMessage", "publishedAt", "updatedAt", "isLatest"})
    public record Official(
            String status,
            Instant statusChangedAt,
            String statusMessage,
            Instant publishedAt,
            Instant updatedAt,
            @JsonProperty("isLatest") boolean isLatest) {
    }
}
