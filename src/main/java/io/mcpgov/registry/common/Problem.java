package io.mcpgov.registry.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String requestId, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://mcpgov.io/problems/";

    public static Problem of(int status, String title, String detail, String requestId, List<Violation> errors) {
        return new Problem(TYPE_BASE + slug(status), title, status, detail, requestId, errors == null ? List.of() : errors);
    }

    /** One problem type per status; the rule ids in {@code errors} carry the finer reason. */
    static String slug(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "refused";
            case 429 -> "rate-limited";
            case 502 -> "bad-gateway";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }
}
