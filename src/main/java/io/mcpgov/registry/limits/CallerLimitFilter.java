package io.mcpgov.registry.limits;

import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.TooManyRequestsException;
import io.mcpgov.registry.security.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Charges every API request to its caller's budget before anything else happens to it: before it is matched to an
 * operation, before roles are checked and before a body is read. The token is verified here (the identity is
 * deferred and shared with the rest of the request): a valid one charges its subject and client, none charges the
 * source address, and a refused one charges the address's bad-tokens budget and then goes on to its 401. Runs on the
 * event loop and never blocks it.
 */
public class CallerLimitFilter {

    @Inject
    CallerBudgets budgets;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> charge(ContainerRequestContext request, HttpServerRequest http) {
        Budget budget = budgets.enabled() ? Budget.of(request.getMethod(), request.getUriInfo().getPath()) : null;
        if (budget == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transformToUni((identity, failure) -> {
            try {
                if (failure instanceof AuthenticationFailedException) {
                    budgets.charge(Budget.BAD_TOKENS, CallerKey.address(RequestInfo.sourceAddressOf(http)));
                } else if (failure == null) {
                    budgets.charge(budget, callerOf(identity, http));
                }
                // any other failure (the issuer cannot be reached) is answered by the operation, as without limits
                return Uni.createFrom().voidItem();
            } catch (TooManyRequestsException e) {
                // a failed Uni, not a throw: thrown after a failure, it would be joined to it in a composite
                return Uni.createFrom().failure(e);
            }
        });
    }

    /** The caller to charge; the source address is looked up only for a caller without a token (it costs a parse). */
    private static CallerKey callerOf(SecurityIdentity identity, HttpServerRequest http) {
        return identity == null || identity.isAnonymous() ? CallerKey.address(RequestInfo.sourceAddressOf(http))
                : CallerKey.token(Caller.subjectOf(identity), Caller.clientIdOf(identity));
    }
}
