package io.mcpgov.registry.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token verified before from {@link VerifiedTokens}; any other token falls through (null) to the
 * OIDC provider, which verifies it, after which {@link VerifiedTokenKeeper} keeps the result.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity answered from {@link VerifiedTokens}, so that it is not kept a second time. */
    static final String VERIFIED_EARLIER = "registry.token-verified-earlier";

    private final VerifiedTokens tokens;

    VerifiedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of the OIDC provider, which keeps the default priority (SYSTEM_FIRST + 1). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!tokens.enabled() || http == null || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity verified = tokens.find(TokenCacheEligibility.tenant(http), request.getToken().getToken());
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        // the identity carries its request, as the OIDC provider's does
        http.put(AuthenticationRequestContext.class.getName(), context);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(verified)
                .addAttribute(RoutingContext.class.getName(), http)
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .addAttribute(VERIFIED_EARLIER, Boolean.TRUE)
                .build());
    }
}
