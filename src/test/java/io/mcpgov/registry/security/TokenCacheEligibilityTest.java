package io.mcpgov.registry.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.OidcTenantConfigBuilder;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TokenCacheEligibilityTest {

    @Test
    void aPlainBearerTenantKeepsTokensUnderItsId() {
        assertEquals("Default", TokenCacheEligibility.tenant(request(tenant(b -> b))));
        assertEquals("partners", TokenCacheEligibility.tenant(request(tenant(b -> b.tenantId("partners")))));
    }

    @Test
    void tokensWhoseVerificationDependsOnTheRequestOrTheMomentAreNeverKept() {
        assertNull(TokenCacheEligibility.tenant(request(tenant(b -> b.token().binding().certificate(true).end().end()))));
        assertNull(TokenCacheEligibility.tenant(request(tenant(b -> b.token().authorizationScheme("DPoP").end()))));
        assertNull(TokenCacheEligibility.tenant(request(tenant(b -> b.token().age(Duration.ofMinutes(5)).end()))));
        assertNull(TokenCacheEligibility.tenant(request(tenant(b -> b.token().decryptAccessToken().end()))));
        assertNull(TokenCacheEligibility.tenant(request(tenant(b -> b.token().requireJwtIntrospectionOnly().end()))));
        assertNull(TokenCacheEligibility.tenant(request(tenant(b -> b.token().verifyAccessTokenWithUserInfo().end()))));
    }

    @Test
    void aStepUpRequirementOrAnUnresolvedTenantMeansVerifying() {
        RoutingContext stepUp = request(tenant(b -> b));
        stepUp.put("io.quarkus.oidc.runtime.step-up-auth", new Object());

        assertNull(TokenCacheEligibility.tenant(stepUp));
        assertNull(TokenCacheEligibility.tenant(request(null)));
        assertNull(TokenCacheEligibility.tenant(null));
    }

    private static OidcTenantConfig tenant(UnaryOperator<OidcTenantConfigBuilder> settings) {
        return settings.apply(OidcTenantConfig.builder().authServerUrl("https://issuer.example.com")).build();
    }

    /** A request's context as the OIDC mechanism leaves it: only its data map is read. */
    private static RoutingContext request(OidcTenantConfig tenant) {
        Map<String, Object> data = new HashMap<>();
        if (tenant != null) {
            data.put(OidcTenantConfig.class.getName(), tenant);
        }
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> data.get((String) args[0]);
                    case "put" -> {
                        data.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "data" -> data;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
