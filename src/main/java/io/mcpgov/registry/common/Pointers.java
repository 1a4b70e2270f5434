package io.mcpgov.registry.common;

/** Builds RFC 6901 JSON pointers, the {@code path} of a {@link Violation}. */
public final class Pointers {

    private Pointers() {
    }

    /** A pointer from reference tokens: strings are member names, integers are array indexes. */
    public static String of(Object... tokens) {
        StringBuilder pointer = new StringBuilder();
        for (Object token : tokens) {
            pointer.append('/').append(escape(String.valueOf(token)));
        }
        return pointer.toString();
    }

    /** {@code base} extended by more reference tokens. */
    public static String append(String base, Object... tokens) {
        return base + of(tokens);
    }

    /** A pointer as a place in words: the empty pointer is the top level. */
    public static String describe(String pointer) {
        return pointer.isEmpty() ? "the top level" : pointer;
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
