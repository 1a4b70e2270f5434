package io.mcpgov.registry.tool;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Settings of per-tool entitlements; each is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry.tools")
public interface ToolConfig {

    /** Scopes that grant everything; a tool naming one (or one ending in one) is flagged for review. */
    @WithDefault("*,all,admin,full-access")
    List<String> omnibusScopes();

    /** Tools one server version may declare. */
    @WithDefault("1000")
    int maxToolsPerVersion();

    /** Tools (or scopes) one scope-plan or tools-for-scopes request may name. */
    @WithDefault("200")
    int maxPlanItems();
}
