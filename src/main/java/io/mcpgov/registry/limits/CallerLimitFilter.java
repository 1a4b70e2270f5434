package io.mcpgov.registry.limits;

import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.TooManyRequestsException;
import io.mcpgov.registry.security.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
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

    /** Null (go on at once) outside the API; otherwise the charge, made as soon as the caller is known. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Void> charge(ContainerRequestContext request, HttpServerRequest http) {
        Budget budget = budgets.enabled() ? Budget.of(request.getMethod(), request.getUriInfo().getPath()) : null;
        return budget == null ? null : new ChargeWhenKnown(identities.getDeferredIdentity(), budget, http);
    }

    /**
     * Subscribes to the identity and charges its caller, in one step of its own rather than a chain of operators: it
     * runs on every API request.
     */
    private final class ChargeWhenKnown extends AbstractUni<Void> {

        private final Uni<SecurityIdentity> identity;
        private final Budget budget;
        private final HttpServerRequest http;

        ChargeWhenKnown(Uni<SecurityIdentity> identity, Budget budget, HttpServerRequest http) {
            this.identity = identity;
            this.budget = budget;
            this.http = http;
        }

        @Override
        public void subscribe(UniSubscriber<? super Void> downstream) {
            AbstractUni.subscribe(identity, new UniSubscriber<SecurityIdentity>() {
                @Override
                public void onSubscribe(UniSubscription subscription) {
                    downstream.onSubscribe(subscription);
                }

                @Override
                public void onItem(SecurityIdentity caller) {
                    settle(downstream, budget, callerOf(caller, http));
                }

                @Override
                public void onFailure(Throwable failure) {
                    if (failure instanceof AuthenticationFailedException) {
                        settle(downstream, Budget.BAD_TOKENS, CallerKey.address(RequestInfo.sourceAddressOf(http)));
                    } else {
                        // the issuer cannot be reached: answered by the operation, as without limits
                        downstream.onItem(null);
                    }
                }
            });
        }

        private void settle(UniSubscriber<? super Void> downstream, Budget charged, CallerKey caller) {
            try {
                budgets.charge(charged, caller);
            } catch (TooManyRequestsException e) {
                downstream.onFailure(e);
                return;
            }
            downstream.onItem(null);
        }
    }

    /** The caller to charge; the source address is looked up only for a caller without a token (it costs a parse). */
    private static CallerKey callerOf(SecurityIdentity identity, HttpServerRequest http) {
        return identity == null || identity.isAnonymous() ? CallerKey.address(RequestInfo.sourceAddressOf(http))
                : CallerKey.token(Caller.subjectOf(identity), Caller.clientIdOf(identity));
    }
}
