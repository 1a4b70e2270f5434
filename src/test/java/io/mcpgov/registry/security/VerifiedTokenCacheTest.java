package io.mcpgov.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Metrics;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class VerifiedTokenCacheTest {

    @Test
    void aTokenSeenAgainIsAcceptedWithoutASecondVerificationAndKeepsItsRoles() {
        String agent = Tokens.of("agent-" + System.nanoTime(), "agent");
        String noRole = Tokens.of("nobody-" + System.nanoTime(), "employees");

        Api.as(agent).get("/v0.1/servers?limit=1").then().statusCode(200);
        Api.as(noRole).get("/v0.1/servers?limit=1").then().statusCode(403);
        double hits = tokenCacheCount("hit");

        Api.as(agent).get("/v0.1/servers?limit=1").then().statusCode(200);
        Api.as(noRole).get("/v0.1/servers?limit=1").then().statusCode(403);
        Api.as(agent).post("/v0.1/publish").then().statusCode(403);

        assertThat(tokenCacheCount("hit")).isGreaterThanOrEqualTo(hits + 3);
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedOnceItExpires() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        String shortLived = Jwt.subject("brief-" + System.nanoTime()).groups(Set.of("agent")).issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE).expiresAt(expiry).sign();

        Api.as(shortLived).get("/v0.1/servers?limit=1").then().statusCode(200);
        Api.as(shortLived).get("/v0.1/servers?limit=1").then().statusCode(200);
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1100);

        Api.as(shortLived).get("/v0.1/servers?limit=1").then().statusCode(401);
    }

    @Test
    void aTokenBoundToAKeyIsVerifiedOnEveryRequest() {
        String bound = Jwt.subject("bound-" + System.nanoTime()).groups(Set.of("agent")).issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE).claim("cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"))
                .sign();
        double hits = tokenCacheCount("hit");
        double misses = tokenCacheCount("miss");

        Api.as(bound).get("/v0.1/servers?limit=1").then().statusCode(200);
        Api.as(bound).get("/v0.1/servers?limit=1").then().statusCode(200);

        assertThat(tokenCacheCount("miss")).isEqualTo(misses + 2);
        assertThat(tokenCacheCount("hit")).isEqualTo(hits);
    }

    private static double tokenCacheCount(String result) {
        return Metrics.count("registry_token_cache_total", result);
    }
}
