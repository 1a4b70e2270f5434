package io.mcpgov.registry.support;

import io.mcpgov.registry.local.EmbeddedPostgresLauncher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** A real PostgreSQL for the tests, on a free port, in a fresh data directory. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            String url = EmbeddedPostgresLauncher.start(Files.createTempDirectory("registry-test-pg"), 0, true);
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // one server for the whole test JVM; it stops when the JVM exits
    }
}
