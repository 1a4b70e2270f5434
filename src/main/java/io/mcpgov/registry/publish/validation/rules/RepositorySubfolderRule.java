package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** {@code repository.subfolder} is a clean relative path: no leading or trailing '/', no empty, '.' or '..' segment. */
public final class RepositorySubfolderRule implements SemanticRule {

    public static final String ID = "repository-subfolder";

    private static final Pattern CHARACTERS = Pattern.compile("^[a-zA-Z0-9_./-]+$");

    @Override
    public void check(JsonNode doc, Findings findings) {
        Nodes.object(doc, "repository").flatMap(r -> Nodes.text(r, "subfolder")).ifPresent(subfolder -> {
            if (subfolder.isEmpty()) {
                return;
            }
            if (!isClean(subfolder)) {
                findings.error(ID, "/repository/subfolder", "subfolder must be a clean relative path such as "
                        + "src/server (letters, digits, '.', '_', '-', '/'; no leading or trailing '/', no '.' or '..')");
            }
        });
    }

    private static boolean isClean(String path) {
        if (!CHARACTERS.matcher(path).matches() || path.startsWith("/") || path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
