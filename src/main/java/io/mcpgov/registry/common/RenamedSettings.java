package io.mcpgov.registry.common;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Map;

/**
 * Settings that have moved to a new name keep working under their earlier one (as a property, an environment variable
 * or a profile's property) until an operator renames them: the new name wins when both are set. docs/operations.md
 * lists every rename under "Upgrading", and the mapping that held an earlier name still declares it (deprecated), so
 * that a configuration that sets it passes validation. Registered through META-INF/services, before any
 * configuration is read.
 */
@Priority(RenamedSettings.PRIORITY)
public class RenamedSettings implements ConfigSourceInterceptor {

    /** Before profiles and expressions are resolved (as Quarkus's own renames): an earlier name works in a profile. */
    static final int PRIORITY = Priorities.LIBRARY + 600;

    /** Each current name, with the earlier name it falls back to. */
    public static final Map<String, String> EARLIER_NAMES = Map.of(
            "registry.outbound.allow-http-loopback", "registry.verification.allow-http-loopback",
            "registry.outbound.connect-timeout", "registry.verification.connect-timeout");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        String earlier = EARLIER_NAMES.get(name);
        if (value != null || earlier == null) {
            return value;
        }
        ConfigValue old = context.proceed(earlier);
        return old == null ? null : old.withName(name);
    }
}
