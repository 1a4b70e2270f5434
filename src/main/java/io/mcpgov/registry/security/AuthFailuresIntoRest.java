package io.mcpgov.registry.security;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Leaves a failed authentication to the REST layer, whose exception mappers answer it with the registry's problem
 * document, by taking the default failure handler off each request before it reaches REST. Quarkus REST does the same
 * in two steps: a route of its own puts a handler that fails the request into REST in place of the default one, and
 * REST takes that off as it begins, so that inside REST no handler is left. With metrics on, that route also matches
 * the request against every resource, building the matcher anew for each request (about a tenth of a cached discovery
 * read's time on the event loop), only so that a request whose authentication fails before REST matches it is named
 * by its path template in the metrics. Authentication here is never proactive ({@code quarkus.http.auth.proactive=false}):
 * an identity is only resolved inside REST, once it has matched and named the request, so that match names nothing.
 */
@Singleton
public class AuthFailuresIntoRest {

    /**
     * Right after the authentication route (filter priority 200, so order -200), which puts the default handler in
     * every request, and ahead of Quarkus REST's route of the same order (added later), which then finds no default
     * handler and leaves the request alone.
     */
    static final int ORDER = -199;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            }
            context.next();
        });
    }
}
