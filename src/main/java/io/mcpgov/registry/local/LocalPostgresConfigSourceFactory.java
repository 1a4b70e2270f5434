package io.mcpgov.registry.local;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * For the local run only ({@code registry.local-postgres.enabled=true}, set in the dev profile): starts the embedded
 * PostgreSQL before the datasource is configured and supplies its JDBC URL. Does nothing when a JDBC URL is
 * configured, so the local run can also point at an external database.
 */
public class LocalPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, "registry.local-postgres.enabled", "false"))
                || value(context, "quarkus.datasource.jdbc.url", null) != null) {
            return List.of();
        }
        Path dataDirectory = Path.of(value(context, "registry.local-postgres.data-dir", ".local/postgres"));
        int port = Integer.parseInt(value(context, "registry.local-postgres.port", "0"));
        String url = EmbeddedPostgresLauncher.start(dataDirectory.toAbsolutePath(), port, false);
        Map<String, String> properties = Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
        return List.of(new PropertiesConfigSource(properties, "embedded-postgres", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }
}
