package io.mcpgov.registry.common;

import java.util.UUID;

/** Identifiers in paths: one that is not even well-formed names nothing, so it is a 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID uuid(String id, String notFoundDetail) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(notFoundDetail);
        }
    }
}
