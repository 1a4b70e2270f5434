package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tools of one version in full, with how they changed against the version before. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionToolsView(
        String server,
        String version,
        @Schema(description = "Whether the version declares its tools at all") boolean declared,
        List<ToolEntitlement> tools,
        @Schema(description = "previousVersion, added, removed, moreDangerous, lessDangerous, scopesChanged,"
                + " definitionChanged; absent for a first version", implementation = Object.class) RawValue changes) {
}
