package io.mcpgov.registry.server;

import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The list operation's query parameters, checked all at once with the official semantics. */
public record ListParams(String afterName, String afterVersion, int limit, String search, Instant updatedSince,
        boolean latestOnly, String exactVersion, boolean includeDeleted) {

    private static final int MAX_SEARCH = 200;

    public static ListParams parse(String cursor, String limit, String search, String updatedSince, String version,
            String includeDeleted) {
        List<Violation> errors = new ArrayList<>();
        String afterName = null;
        String afterVersion = null;
        if (cursor != null && !cursor.isEmpty()) {
            int colon = cursor.indexOf(':');
            if (colon <= 0 || colon == cursor.length() - 1) {
                errors.add(new Violation("invalid-cursor", "/cursor",
                        "cursor must be a value returned in metadata.nextCursor"));
            } else {
                afterName = cursor.substring(0, colon);
                afterVersion = cursor.substring(colon + 1);
            }
        }
        int pageSize = PageSize.OFFICIAL.fallback();
        if (limit != null) {
            try {
                pageSize = Integer.parseInt(limit.trim());
                if (pageSize < 1 || pageSize > PageSize.OFFICIAL.max()) {
                    errors.add(new Violation("invalid-limit", "/limit", "limit must be between 1 and " + PageSize.OFFICIAL.max()));
                }
            } catch (NumberFormatException e) {
                errors.add(new Violation("invalid-limit", "/limit", "limit must be an integer between 1 and " + PageSize.OFFICIAL.max()));
            }
        }
        String term = search == null || search.isBlank() ? null : search.trim();
        if (term != null && term.length() > MAX_SEARCH) {
            errors.add(new Violation("invalid-search", "/search", "search must be at most " + MAX_SEARCH + " characters"));
        }
        Instant since = null;
        if (updatedSince != null) {
            try {
                since = OffsetDateTime.parse(updatedSince.trim()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new Violation("invalid-updated-since", "/updated_since",
                        "updated_since must be an RFC 3339 date-time such as 2025-08-07T13:15:04.280Z"));
            }
        }
        Boolean deleted = null;
        if (includeDeleted != null) {
            deleted = parseBoolean(includeDeleted);
            if (deleted == null) {
                errors.add(new Violation("invalid-include-deleted", "/include_deleted", "include_deleted must be true or false"));
            }
        }
        if (updatedSince != null && Boolean.FALSE.equals(deleted)) {
            errors.add(new Violation("updated-since-excludes-deleted", "/include_deleted",
                    "updated_since always includes deleted entries so that mirrors see deletions; omit include_deleted"));
        }
        String exact = version == null || version.isEmpty() || "latest".equals(version) ? null : version;
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The list parameters are invalid.", errors.toArray(Violation[]::new));
        }
        boolean withDeleted = since != null || Boolean.TRUE.equals(deleted);
        return new ListParams(afterName, afterVersion, pageSize, term, since, "latest".equals(version), exact, withDeleted);
    }

    /** {@code include_deleted} on the single-server reads; null means absent. */
    public static boolean includeDeleted(String value) {
        if (value == null) {
            return false;
        }
        Boolean parsed = parseBoolean(value);
        if (parsed == null) {
            throw ProblemException.badRequest("The parameters are invalid.",
                    new Violation("invalid-include-deleted", "/include_deleted", "include_deleted must be true or false"));
        }
        return parsed;
    }

    private static Boolean parseBoolean(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
