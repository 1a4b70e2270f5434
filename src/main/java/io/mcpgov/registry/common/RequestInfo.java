package io.mcpgov.registry.common;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request id (taken from {@code X-Request-Id} when sane, otherwise generated) and the caller's address. */
@RequestScoped
public class RequestInfo {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    CurrentVertxRequest current;

    private String requestId;
    private ConcealedRefusal concealed;

    /** A refusal the caller was answered as a name that does not exist ({@code server.HiddenEntries}). */
    public record ConcealedRefusal(int status, List<String> ruleIds) {
    }

    public String requestId() {
        if (requestId == null) {
            HttpServerRequest request = request();
            String given = request == null ? null : request.getHeader(HEADER);
            requestId = idFrom(given);
        }
        return requestId;
    }

    /** The request id for an {@code X-Request-Id} header value (null when absent): kept when sane, else a new one. */
    public static String idFrom(String given) {
        return given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** Notes that this request's not-found answer stands for a refusal, so the audit trail can still record it. */
    public void concealRefusal(int status, List<String> ruleIds) {
        concealed = new ConcealedRefusal(status, List.copyOf(ruleIds));
    }

    /** The refusal this request's not-found answer stands for, or null. */
    public ConcealedRefusal concealedRefusal() {
        return concealed;
    }

    /** The caller's address; null for work the registry does on its own (schedules, background checks). */
    public String sourceAddress() {
        return sourceAddressOf(request());
    }

    /** {@link #sourceAddress()} of a request at hand (null: none). */
    public static String sourceAddressOf(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return null;
        }
        return request.remoteAddress().hostAddress();
    }

    private HttpServerRequest request() {
        RoutingContext context = current.getCurrent();
        return context == null ? null : context.request();
    }
}
