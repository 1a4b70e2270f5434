import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The benchmark's offline token issuer. Generates an RSA key pair, writes the OIDC discovery document and the JWKS
 * that nginx serves as a static issuer, and mints long-lived RS256 access tokens for the benchmark's callers.
 *
 * <pre>java bench/Tokens.java OUT_DIR ISSUER_URL</pre>
 *
 * Writes OUT_DIR/issuer/.well-known/openid-configuration, OUT_DIR/issuer/jwks.json, OUT_DIR/tokens/NAME.jwt for
 * agent, publisher, reviewer and admin, and OUT_DIR/private-key.pem (never leaves bench/work).
 */
public class Tokens {

    /** A caller of the benchmark: subject and the values of its groups claim (roles and teams). */
    record Caller(String file, String subject, List<String> groups) {
    }

    static final String TEAM = "team-bench";
    static final String KID = "bench-rs256";
    static final long LIFETIME_SECONDS = 180L * 24 * 3600;

    static final List<Caller> CALLERS = List.of(
            new Caller("agent", "bench-agent", List.of("agent")),
            new Caller("publisher", "bench-publisher", List.of("publisher", TEAM)),
            new Caller("reviewer", "bench-reviewer", List.of("reviewer")),
            new Caller("admin", "bench-admin", List.of("admin", TEAM)));

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java Tokens.java OUT_DIR ISSUER_URL");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String issuer = args[1].endsWith("/") ? args[1].substring(0, args[1].length() - 1) : args[1];

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();

        Path issuerDir = out.resolve("issuer");
        Files.createDirectories(issuerDir.resolve(".well-known"));
        Files.createDirectories(out.resolve("tokens"));

        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
                + "\"}]}";
        Files.writeString(issuerDir.resolve("jwks.json"), jwks + "\n");

        String discovery = "{\"issuer\":\"" + issuer + "\","
                + "\"jwks_uri\":\"" + issuer + "/jwks.json\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\","
                + "\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        Files.writeString(issuerDir.resolve(".well-known/openid-configuration"), discovery + "\n");

        Files.writeString(out.resolve("private-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}");
        for (Caller caller : CALLERS) {
            StringBuilder groups = new StringBuilder();
            for (String group : caller.groups()) {
                groups.append(groups.length() == 0 ? "" : ",").append('"').append(group).append('"');
            }
            String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + caller.subject() + "\","
                    + "\"preferred_username\":\"" + caller.subject() + "\",\"azp\":\"registry-bench\","
                    + "\"groups\":[" + groups + "],\"iat\":" + (now - 60) + ",\"nbf\":" + (now - 60)
                    + ",\"exp\":" + (now + LIFETIME_SECONDS) + ",\"jti\":\"bench-" + caller.file() + "-" + now + "\"}";
            String signingInput = header + "." + b64(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            Files.writeString(out.resolve("tokens/" + caller.file() + ".jwt"), signingInput + "." + b64(signature.sign()));
        }
        System.out.println("issuer " + issuer + ": key " + KID + ", tokens for "
                + CALLERS.stream().map(Caller::file).toList() + " valid " + LIFETIME_SECONDS / 86400 + " days");
    }

    /** Big-endian magnitude without the sign byte BigInteger adds, as JWK wants it. */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }
}
