package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * {@code name} is {@code namespace/name}: exactly one slash; the reverse-DNS namespace (letters, digits, dots,
 * hyphens) and the name (also underscores) each start and end with a letter or digit, so each is at least two
 * characters long, as in the official registry. Overall length is the schema's job.
 */
public final class NameFormatRule implements SemanticRule {

    public static final String ID = "name-format";

    private static final Pattern NAMESPACE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]$");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$");

    @Override
    public void check(JsonNode doc, Findings findings) {
        Nodes.text(doc, "name").ifPresent(name -> {
            long slashes = name.chars().filter(c -> c == '/').count();
            if (slashes != 1) {
                findings.error(ID, "/name", "name must contain exactly one '/' between namespace and name, e.g. "
                        + "com.example/weather");
                return;
            }
            String namespace = name.substring(0, name.indexOf('/'));
            String serverName = name.substring(name.indexOf('/') + 1);
            if (!NAMESPACE.matcher(namespace).matches()) {
                findings.error(ID, "/name", "the namespace must be reverse-DNS (letters, digits, '.', '-') and "
                        + "start and end with a letter or digit");
            }
            if (!NAME.matcher(serverName).matches()) {
                findings.error(ID, "/name", "the part after '/' may hold letters, digits, '.', '_', '-' and must "
                        + "start and end with a letter or digit");
            }
        });
    }
}
