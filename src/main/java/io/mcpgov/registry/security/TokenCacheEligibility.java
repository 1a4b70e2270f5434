package io.mcpgov.registry.security;

import io.quarkus.oidc.OidcTenantConfig;
import io.vertx.ext.web.RoutingContext;

/**
 * When a bearer token's earlier verification may stand for a new one: only if the OIDC tenant verifying it looks at
 * nothing but the token's bytes and its settings. Binding to a client certificate or a DPoP proof, step-up
 * requirements, a maximum token age, decryption and remote introspection all depend on the request or the moment,
 * so tokens of such a tenant, or of such a request, are verified every time.
 */
final class TokenCacheEligibility {

    /** Where the OIDC mechanism puts the tenant it resolved for the request, before any identity provider runs. */
    private static final String TENANT_CONFIG = OidcTenantConfig.class.getName();
    /** Where Quarkus keeps the step-up policy (@AuthenticationContext) of the request's endpoint. */
    private static final String STEP_UP_POLICY = "io.quarkus.oidc.runtime.step-up-auth";
    private static final String DEFAULT_TENANT = "Default";

    /** Longest token kept: longer ones are rare and would make the cache's memory depend on the issuer. */
    static final int MAX_TOKEN_CHARS = 8192;

    private TokenCacheEligibility() {
    }

    /** The tenant a token of this request is kept or looked up under, or null when it must be verified. */
    static String tenant(RoutingContext http) {
        if (http == null || http.get(STEP_UP_POLICY) != null
                || !(http.get(TENANT_CONFIG) instanceof io.quarkus.oidc.runtime.OidcTenantConfig config)) {
            return null;
        }
        var token = config.token();
        boolean dependsOnRequest = token.binding().certificate()
                || "DPoP".equalsIgnoreCase(token.authorizationScheme())
                || token.age().isPresent()
                || token.decryptAccessToken()
                || token.requireJwtIntrospectionOnly()
                || token.verifyAccessTokenWithUserInfo().orElse(false)
                || config.authentication().userInfoRequired().orElse(false);
        return dependsOnRequest ? null : config.tenantId().orElse(DEFAULT_TENANT);
    }
}
