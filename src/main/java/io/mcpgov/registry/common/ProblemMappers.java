package io.mcpgov.registry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become RFC 9457 problem documents. Nothing internal leaks into a response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Causes and suppressed failures looked at when telling the database's absence from a bug. */
    private static final int FAILURES_LOOKED_AT = 64;

    @Inject
    RequestInfo requestInfo;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.title(), e.detail(), e.errors());
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e) {
        return Response.fromResponse(problem(e)).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(401, "Unauthorized",
                        "A valid bearer token is required: it is missing, expired, or not issued by a trusted issuer.", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "Forbidden", "Your roles do not allow this operation.", List.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violation> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted((a, b) -> a.path().compareTo(b.path()))
                .toList();
        return respond(400, "Bad Request", "The request has invalid fields.", errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException definition) {
            return undeserializable(definition);
        }
        JsonRefusals.Refusal refusal = JsonRefusals.of(e);
        return respond(refusal.status(), refusal.status() == 413 ? "Content Too Large" : "Bad Request",
                refusal.detail(), refusal.violations());
    }

    /** A request type Jackson cannot build is a defect; declared so that Quarkus's own mapper (no body) is not chosen. */
    @ServerExceptionMapper
    public Response undeserializable(InvalidDefinitionException e) {
        return internal(e);
    }

    /** Declared for this type so that it is chosen over Quarkus's own mapper, which answers without a body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json); // the JSON body reader's own wrapping of a body it could not read
        }
        if (status == 415) {
            return respond(415, "Unsupported Media Type", "This operation takes a JSON body.", List.of(new Violation(
                    "unsupported-media-type", "", "Send the body with Content-Type: application/json.")));
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, title, title + ".", List.of());
    }

    @ServerExceptionMapper(priority = 6000)
    public Response internal(Throwable e) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable (request %s): %s", requestInfo.requestId(), databaseFailure(e));
            return Response.fromResponse(respond(503, "Service Unavailable",
                            "The registry's database is unavailable; retry shortly.", List.of()))
                    .header("Retry-After", "5")
                    .build();
        }
        if (isIssuerUnavailable(e)) {
            LOG.warnf("Token issuer unavailable (request %s): %s", requestInfo.requestId(), e.getMessage());
            return Response.fromResponse(respond(503, "Service Unavailable",
                            "The token issuer cannot be reached to check the token; retry shortly.", List.of()))
                    .header("Retry-After", "5")
                    .build();
        }
        LOG.errorf(e, "Unexpected failure (request %s)", requestInfo.requestId());
        return respond(500, "Internal Server Error",
                "The registry failed to handle this request. Quote the request id when reporting it.", List.of());
    }

    /** Whether {@code e}, one of its causes or a failure suppressed along the way is the database being away. */
    static boolean isDatabaseUnavailable(Throwable e) {
        return failuresIn(e).stream().anyMatch(ProblemMappers::isUnavailability);
    }

    /**
     * {@code e}, its causes and the failures suppressed along the way, nearest first, each once and at most
     * {@value #FAILURES_LOOKED_AT}. The suppressed ones count: a commit that fails on a broken connection is reported
     * by the transaction manager as a rollback whose driver failure is only suppressed into it.
     */
    private static List<Throwable> failuresIn(Throwable e) {
        Deque<Throwable> left = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> found = new ArrayList<>();
        while (!left.isEmpty() && found.size() < FAILURES_LOOKED_AT) {
            Throwable t = left.poll();
            if (seen.add(t)) {
                found.add(t);
                if (t.getCause() != null) {
                    left.add(t.getCause());
                }
                left.addAll(Arrays.asList(t.getSuppressed()));
            }
        }
        return found;
    }

    private static boolean isUnavailability(Throwable t) {
        return t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof DatabaseUnavailableException || t instanceof java.net.ConnectException
                || (t instanceof java.sql.SQLException sql && isUnavailableState(sql.getSQLState()))
                // the pool gave up waiting for a connection: the database does not answer, or every connection is busy
                || (t instanceof java.sql.SQLException && t.getCause() instanceof java.util.concurrent.TimeoutException);
    }

    /**
     * Class 08 (connection exception; the driver's own timeouts while connecting or waiting for an answer end up
     * here too), the server going down or coming up: 57P01 admin_shutdown (a fast shutdown ends the session), 57P02
     * crash_shutdown, 57P03 cannot_connect_now ("the database system is shutting down" or "... is starting up"),
     * which PostgreSQL sends while it stops, restarts or recovers; and a server too slow or too contended to answer
     * in time: 57014 query_canceled (the statement timeout) and 55P03 lock_not_available (the lock timeout).
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("57014") || state.equals("55P03"));
    }

    /** The deepest SQL failure (state and message) for the log: no statement text, no stack trace. */
    private static String databaseFailure(Throwable e) {
        String found = e.getMessage();
        for (Throwable t : failuresIn(e)) {
            if (t instanceof java.sql.SQLException sql) {
                found = (sql.getSQLState() == null ? "" : "SQL state " + sql.getSQLState() + ": ") + sql.getMessage();
            } else if (t instanceof DatabaseUnavailableException) {
                found = t.getMessage();
            }
        }
        return found;
    }

    static boolean isIssuerUnavailable(Throwable e) {
        return failuresIn(e).stream().anyMatch(t -> t instanceof OIDCException);
    }

    private Response respond(int status, String title, String detail, List<Violation> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, requestInfo.requestId(), errors))
                .build();
    }

    private static Violation toViolation(ConstraintViolation<?> v) {
        String property = v.getPropertyPath().toString();
        int dot = property.indexOf('.');
        // drop the method and parameter names ("approve.body.reason" -> "/reason")
        String field = property;
        int second = dot < 0 ? -1 : property.indexOf('.', dot + 1);
        if (second > 0) {
            field = property.substring(second + 1);
        }
        return new Violation("invalid-field", "/" + field.replace('.', '/'), v.getMessage());
    }
}
