package io.mcpgov.registry.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps what the OIDC provider made of a bearer token in {@link VerifiedTokens}. Runs first of the augmentors, so
 * what is kept is the provider's own identity and every augmentor still runs on each request.
 */
@ApplicationScoped
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    /** Attributes the OIDC provider sets when it asked the issuer about the token. */
    private static final String INTROSPECTION = "introspection";
    private static final String USER_INFO = "userinfo";

    private final VerifiedTokens tokens;

    VerifiedTokenKeeper(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (tokens.enabled() && !identity.isAnonymous() && identity.getCredential(IdTokenCredential.class) == null
                && identity.getAttribute(VerifiedTokenIdentityProvider.VERIFIED_EARLIER) == null
                && !askedTheIssuer(identity)) {
            AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
            String tenant = TokenCacheEligibility.tenant(identity.getAttribute(RoutingContext.class.getName()));
            if (bearer != null && tenant != null && !bound(identity)
                    && bearer.getToken().length() <= TokenCacheEligibility.MAX_TOKEN_CHARS) {
                tokens.keep(tenant, bearer.getToken(), withoutRequest(identity));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * Identities built from the issuer's introspection or UserInfo answers are not kept: those are asked on each
     * request so that the issuer can withdraw a token before it expires.
     */
    private static boolean askedTheIssuer(SecurityIdentity identity) {
        return identity.getAttribute(INTROSPECTION) != null || identity.getAttribute(USER_INFO) != null;
    }

    /** A token bound to a key or certificate (RFC 8705, RFC 9449) is only valid with its proof, checked each time. */
    private static boolean bound(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("cnf") != null;
    }

    /**
     * The identity without this request's context, which must neither outlive the request nor reach another.
     * Built afresh rather than copied, since a copy's permission check would hold on to the original; the registry
     * grants by roles alone ({@link RegistryIdentityAugmentor} keeps no permission checks either).
     */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(RoutingContext.class.getName());
        attributes.remove(AuthenticationRequestContext.class.getName());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .setAnonymous(false)
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addAttributes(attributes)
                .build();
    }
}
