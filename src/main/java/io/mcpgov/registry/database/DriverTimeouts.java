package io.mcpgov.registry.database;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code registry.database.*} into the PostgreSQL driver's properties of the data source, so that every pooled
 * connection starts with the limits of request work: {@code connectTimeout} for opening it, {@code socketTimeout} for
 * any answer of the server (the login's included), and {@code statement_timeout} and {@code lock_timeout} in the
 * session's startup options. Not the driver's {@code loginTimeout}: it logs in on a thread of its own, and the pool,
 * giving up on a new connection, interrupts the wait for that thread, which the driver then reports as an unexpected
 * internal error instead of a failed connection. At a low ordinal: a driver property set explicitly (in application.properties or the
 * environment) wins over the value derived here.
 */
public class DriverTimeouts implements ConfigSourceFactory {

    static final String PREFIX = "quarkus.datasource.jdbc.additional-jdbc-properties.";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(properties(
                duration(context, "registry.database.statement-timeout", DatabaseConfig.STATEMENT_TIMEOUT),
                duration(context, "registry.database.lock-timeout", DatabaseConfig.LOCK_TIMEOUT),
                duration(context, "registry.database.network-timeout", DatabaseConfig.NETWORK_TIMEOUT),
                duration(context, "registry.database.connect-timeout", DatabaseConfig.CONNECT_TIMEOUT)),
                "registry-database-timeouts", ORDINAL));
    }

    /** Both server-side limits 0: no {@code options} at all, for a connection pooler that refuses the parameter. */
    static Map<String, String> properties(Duration statement, Duration lock, Duration network, Duration connect) {
        Map<String, String> properties = new HashMap<>();
        properties.put(PREFIX + "connectTimeout", String.valueOf(seconds(connect)));
        properties.put(PREFIX + "socketTimeout", String.valueOf(seconds(network)));
        if (statement.toMillis() > 0 || lock.toMillis() > 0) {
            properties.put(PREFIX + "options", "-c statement_timeout=" + Math.max(0, statement.toMillis())
                    + " -c lock_timeout=" + Math.max(0, lock.toMillis()));
        }
        return properties;
    }

    /** The driver counts these in whole seconds, 0 meaning none: a positive duration never rounds down to 0. */
    static long seconds(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return 0;
        }
        return d.plusNanos(999_999_999L).getSeconds();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static Duration duration(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        String value = v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
        return DurationConverter.parseDuration(value.trim());
    }
}
