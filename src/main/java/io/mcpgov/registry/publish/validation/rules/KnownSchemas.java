package io.mcpgov.registry.publish.validation.rules;

import java.util.List;

/** The server.json schema URLs a document may name in {@code $schema}. */
public final class KnownSchemas {

    public static final String CURRENT = url("2025-12-11");

    /** Older official schema versions: still accepted, with a warning. */
    public static final List<String> DEPRECATED = List.of(
            url("2025-07-09"), url("2025-09-16"), url("2025-09-29"), url("2025-10-17"));

    public static final List<String> ALL = List.of(
            CURRENT, DEPRECATED.get(0), DEPRECATED.get(1), DEPRECATED.get(2), DEPRECATED.get(3));

    private KnownSchemas() {
    }

    public static boolean isCurrent(String schemaUrl) {
        return CURRENT.equals(schemaUrl);
    }

    public static boolean isDeprecated(String schemaUrl) {
        return DEPRECATED.contains(schemaUrl);
    }

    public static boolean isKnown(String schemaUrl) {
        return ALL.contains(schemaUrl);
    }

    private static String url(String date) {
        return "https://static.modelcontextprotocol.io/schemas/" + date + "/server.schema.json";
    }
}
