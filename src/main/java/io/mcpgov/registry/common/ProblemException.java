package io.mcpgov.registry.common;

import java.util.List;

/**
 * A refusal that becomes an RFC 9457 {@code application/problem+json} response. Services throw it; one exception
 * mapper renders it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<Violation> errors;

    public ProblemException(int status, String title, String detail, List<Violation> errors) {
        super(title + ": " + detail, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail, Violation... errors) {
        return new ProblemException(400, "Bad Request", detail, List.of(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail, Violation... errors) {
        return new ProblemException(409, "Conflict", detail, List.of(errors));
    }

    public static ProblemException unprocessable(String detail, List<Violation> errors) {
        return new ProblemException(422, "Unprocessable Content", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<Violation> errors() {
        return errors;
    }
}
