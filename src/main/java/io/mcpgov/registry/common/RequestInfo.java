package io.mcpgov.registry.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request id (taken from {@code X-Request-Id} when sane, otherwise generated) and the caller's address. */
@RequestScoped
public class RequestInfo {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    HttpServerRequest request;

    private String requestId;

    public String requestId() {
        if (requestId == null) {
            String given = request == null ? null : request.getHeader(HEADER);
            requestId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        }
        return requestId;
    }

    public String sourceAddress() {
        if (request == null || request.remoteAddress() == null) {
            return null;
        }
        return request.remoteAddress().hostAddress();
    }
}
