package io.mcpgov.registry.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Credentials of the well-known shapes, generated at test time from a seeded random source so that nothing in the
 * repository looks like a real secret.
 */
public final class FakeSecrets {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String URL_SAFE = ALNUM + "-_";

    private final Random random;

    public FakeSecrets(long seed) {
        this.random = new Random(seed);
    }

    public String alnum(int length) {
        return pick(ALNUM, length);
    }

    public String hex(int length) {
        return pick("0123456789abcdef", length);
    }

    public String githubToken(String prefix) {
        return prefix + alnum(36);
    }

    public String githubFineGrained() {
        return "github_pat_" + alnum(22) + "_" + alnum(59);
    }

    public String openAiKey() {
        return "sk-proj-" + pick(URL_SAFE, 48) + "T3BlbkFJ" + alnum(20);
    }

    public String anthropicKey() {
        return "sk-ant-api03-" + pick(URL_SAFE, 86) + "-" + alnum(6) + "AA";
    }

    public String stripeKey(String prefix) {
        return prefix + alnum(24);
    }

    public String slackToken(String prefix) {
        return prefix + digits(11) + "-" + digits(12) + "-" + alnum(24);
    }

    public String awsKeyId(String prefix) {
        return prefix + pick(UPPER_NUM, 16);
    }

    /** 40 characters of base64, the shape of an AWS secret access key. */
    public String awsSecretKey() {
        return alnum(18) + "/" + alnum(10) + "+" + alnum(10);
    }

    /** A password a person might choose: letters, digits and symbols, not random enough to count as a token. */
    public String password() {
        return pick("ABCDEFGHJKLMNPQRSTUVWXYZ", 1) + pick("abcdefghijkmnopqrstuvwxyz", 3) + pick("!*", 1)
                + pick("abcdefghijkmnopqrstuvwxyz", 3) + digits(2) + pick("!*", 1);
    }

    public String googleKey() {
        return "AIza" + pick(URL_SAFE, 35);
    }

    public String gitlabToken() {
        return "glpat-" + pick(URL_SAFE, 20);
    }

    public String npmToken() {
        return "npm_" + alnum(36);
    }

    public String jwt() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"sub\":\"" + alnum(12) + "\",\"iat\":" + digits(10) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + pick(URL_SAFE, 43);
    }

    public String pemPrivateKey() {
        StringBuilder pem = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
        for (int line = 0; line < 4; line++) {
            pem.append(pick(ALNUM + "+/", 64)).append('\n');
        }
        return pem.append("-----END PRIVATE KEY-----\n").toString();
    }

    public String basicCredentials() {
        return Base64.getEncoder().encodeToString(("svc-user:" + alnum(14)).getBytes(StandardCharsets.UTF_8));
    }

    public String digits(int length) {
        return pick("0123456789", length);
    }

    private String pick(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
