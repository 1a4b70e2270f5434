package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where versions sit in a document, and what a version range looks like. */
final class Versions {

    /** One version string and its pointer. */
    record Located(String path, String version) {
    }

    private static final String V = "v?\\d+(?:\\.\\d+){0,3}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?";
    private static final Pattern COMPARATOR = Pattern.compile("^(?:\\^|~>?|>=?|<=?|=)\\s*v?\\d.*$");
    private static final Pattern HYPHEN_RANGE = Pattern.compile("^" + V + "\\s+-\\s+" + V + "$");
    private static final Pattern WILDCARD = Pattern.compile(
            "^((?:v?\\d+|[xX*])(?:\\.(?:\\d+|[xX*])){0,3})(?:-[0-9A-Za-z.-]+)?$");

    private Versions() {
    }

    /** The server version and every package version that is a string. */
    static List<Located> all(JsonNode doc) {
        List<Located> versions = new ArrayList<>();
        Nodes.text(doc, "version").ifPresent(v -> versions.add(new Located("/version", v)));
        for (Nodes.Indexed pkg : Nodes.objects(doc, "packages")) {
            Nodes.text(pkg.node(), "version").ifPresent(v ->
                    versions.add(new Located(Pointers.of("packages", pkg.index(), "version"), v)));
        }
        return versions;
    }

    /** {@code ^1.2}, {@code ~1}, {@code >=1}, {@code <2}, {@code 1.x}, {@code 1.*}, {@code *}, {@code a - b}, {@code a || b}. */
    static boolean looksLikeRange(String version) {
        String v = version.trim();
        if (v.isEmpty()) {
            return false;
        }
        if (v.contains("||") || COMPARATOR.matcher(v).matches() || HYPHEN_RANGE.matcher(v).matches()) {
            return true;
        }
        Matcher wildcard = WILDCARD.matcher(v);
        if (!wildcard.matches()) {
            return false;
        }
        String core = wildcard.group(1); // a pre-release such as 1.0.0-x is not a wildcard
        return core.contains("x") || core.contains("X") || core.contains("*");
    }
}
