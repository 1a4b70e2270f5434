package io.mcpgov.registry.support;

import io.mcpgov.registry.local.EmbeddedPostgresLauncher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real PostgreSQL for the tests, on a free port, in a fresh data directory. The registry reaches it through a
 * {@link PausableProxy}, so that a test can make the database stop answering ({@link #proxy()}).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PausableProxy proxy;
    private static String directUrl;

    @Override
    public Map<String, String> start() {
        try {
            String url = EmbeddedPostgresLauncher.start(Files.createTempDirectory("registry-test-pg"), 0, true);
            return Map.of(
                    "quarkus.datasource.jdbc.url", throughProxy(url),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proxy between the registry and PostgreSQL. */
    public static synchronized PausableProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("PostgreSQL has not been started");
        }
        return proxy;
    }

    /** PostgreSQL's own URL, for a test that must reach it while the proxy is paused (user postgres, no password). */
    public static synchronized String directUrl() {
        return directUrl;
    }

    /** One proxy for the whole test JVM, like the server behind it. */
    private static synchronized String throughProxy(String url) {
        if (proxy == null) {
            URI server = URI.create(url.substring("jdbc:".length()));
            proxy = PausableProxy.start(server.getHost(), server.getPort());
            directUrl = url;
        }
        return "jdbc:postgresql://" + "127.0.0.1:" + proxy.port() + "/" + EmbeddedPostgresLauncher.DATABASE;
    }

    @Override
    public void stop() {
        // one server for the whole test JVM; it stops when the JVM exits
    }
}
