package io.mcpgov.registry.outbound;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A self-signed certificate for {@code mcp.verify.test} (and nothing else), made once with keytool and kept in
 * src/test/resources/verification: tls-server.p12 holds the key, tls-trust.pem the certificate the fetcher trusts.
 */
final class TlsFixtures {

    static final String PASSWORD = "verify-test";
    static final String HOST = "mcp.verify.test";

    private TlsFixtures() {
    }

    static String keystorePath() {
        try {
            return Path.of(TlsFixtures.class.getResource("/outbound/tls-server.p12").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PemTrustOptions trust() {
        try (InputStream in = TlsFixtures.class.getResourceAsStream("/outbound/tls-trust.pem")) {
            return new PemTrustOptions().addCertValue(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
