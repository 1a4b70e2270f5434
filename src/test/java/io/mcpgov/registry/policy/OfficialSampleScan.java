package io.mcpgov.registry.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the secret scan on a dump of a registry's list API (a JSON array of {@code {server, _meta}} items, such
 * as the official registry's): how many versions it would refuse, and why. Not a test: it reads a file the build
 * does not have. Values are shown redacted unless {@code --reveal} is given (for inspecting hits by hand).
 *
 * <pre>
 * ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mcpgov.registry.policy.OfficialSampleScan -Dexec.args="path/to/dump.json [--reveal]"
 * </pre>
 */
public final class OfficialSampleScan {

    private OfficialSampleScan() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: OfficialSampleScan <dump.json> [--reveal]");
            System.exit(2);
        }
        boolean reveal = args.length > 1 && args[1].equals("--reveal");
        JsonNode items = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
        SecretScanner scanner = new SecretScanner();
        int versions = 0;
        int refused = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (JsonNode item : items) {
            JsonNode server = item.has("server") ? item.get("server") : item;
            versions++;
            SecretScanner.Findings findings = scanner.findings(server);
            if (findings.isEmpty()) {
                continue;
            }
            refused++;
            for (SecretFinding finding : findings.found()) {
                byKind.merge(finding.kind().id(), 1, Integer::sum);
                String value = server.at(finding.path()).isTextual() ? server.at(finding.path()).asText() : "(member name)";
                System.out.printf("%s@%s  %s  %s  %s  %s%n", server.path("name").asText(), server.path("version").asText(),
                        finding.path(), finding.kind().id(), finding.where(), reveal ? shown(value) : redacted(value));
            }
        }
        System.out.printf("%nversions scanned: %d%nversions refused: %d%nfindings by kind: %s%n", versions, refused,
                byKind);
    }

    private static String redacted(String value) {
        return "[" + value.length() + " characters, starting " + quoted(value.substring(0, Math.min(4, value.length())))
                + "]";
    }

    private static String shown(String value) {
        return quoted(value.length() > 300 ? value.substring(0, 300) + "..." : value);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
