package io.mcpgov.registry.common;

import io.smallrye.config.FallbackConfigSourceInterceptor;
import java.util.Map;

/**
 * Settings that have moved to a new name keep working under their earlier one (as a property, an environment variable
 * or a profile's property) until an operator renames them: the new name wins when both are set. docs/operations.md
 * lists every rename under "Upgrading". Registered through META-INF/services, before any configuration is read.
 */
public class RenamedSettings extends FallbackConfigSourceInterceptor {

    /** Each current name, with the earlier name it falls back to. */
    public static final Map<String, String> EARLIER_NAMES = Map.of(
            "registry.outbound.allow-http-loopback", "registry.verification.allow-http-loopback",
            "registry.outbound.connect-timeout", "registry.verification.connect-timeout");

    public RenamedSettings() {
        super(name -> EARLIER_NAMES.getOrDefault(name, name));
    }
}
