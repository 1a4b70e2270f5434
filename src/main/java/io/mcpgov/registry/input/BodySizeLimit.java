package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Problem;
import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.Violation;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request body above {@code quarkus.http.limits.max-body-size} is refused with a 413 problem document, and its
 * connection closed. With a {@code Content-Length} the refusal comes before the body is read; a chunked HTTP/1.1 body is
 * read here, up to the limit, for the operation to use (Quarkus's own checks, one route later, would answer the same
 * status with an empty body).
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final String BODY_TOO_LARGE = "body-too-large";
    /** Quarkus's own check runs at order -2. */
    private static final int ORDER = -3;
    private static final String REFUSED = BodySizeLimit.class.getName();
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(size -> {
            long limit = size.asLongValue();
            BodyHandler reader = BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(false);
            router.route().order(ORDER)
                    .handler(context -> check(context, limit, reader))
                    .failureHandler(context -> refuseIfTooLarge(context, limit));
        });
    }

    private void check(RoutingContext context, long limit, BodyHandler reader) {
        HttpServerRequest request = context.request();
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null && isChunked(request)) {
            reader.handle(context); // fails the request with 413 past the limit, which the failure handler answers
            return;
        }
        long length = contentLength(header);
        if (length <= limit) {
            context.next();
            return;
        }
        refuse(context, limit, "The body has " + length + " bytes.");
    }

    private void refuseIfTooLarge(RoutingContext context, long limit) {
        if (context.get(REFUSED) != null) {
            return; // the body reader's failure once the refused request's connection is closed: already answered
        }
        if (context.statusCode() == 413 && !context.response().ended()) {
            refuse(context, limit, "The body, of undeclared length, is longer.");
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, long limit, String message) {
        context.put(REFUSED, Boolean.TRUE);
        HttpServerRequest request = context.request();
        String requestId = RequestInfo.idFrom(request.getHeader(RequestInfo.HEADER));
        Problem problem = Problem.of(413, "Content Too Large", "A request body may be at most " + limit + " bytes.",
                requestId, List.of(new Violation(BODY_TOO_LARGE, "", message)));
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestInfo.HEADER, requestId)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> request.connection().close())
                .end(Buffer.buffer(bytes(problem)));
    }

    /**
     * An HTTP/1.1 body of undeclared length. (An HTTP/2 request without a length is left to Quarkus: the operations'
     * reader cannot take over a stream that was read ahead.)
     */
    private static boolean isChunked(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2 && BODY_METHODS.contains(request.method())
                && "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING));
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP decoder refuses a malformed length before any route runs
        }
    }

    private byte[] bytes(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
