package io.mcpgov.registry.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellKnownTest {

    @Test
    void protectedResourceWithPath() {
        assertEquals(List.of(
                        new WellKnown.PrmCandidate(MetadataSource.PATH,
                                "https://mcp.example.com/.well-known/oauth-protected-resource/public/mcp"),
                        new WellKnown.PrmCandidate(MetadataSource.ROOT,
                                "https://mcp.example.com/.well-known/oauth-protected-resource")),
                WellKnown.protectedResource(URI.create("https://mcp.example.com/public/mcp")));
    }

    @Test
    void protectedResourceKeepsPortAndQuery() {
        assertEquals("https://mcp.example.com:8443/.well-known/oauth-protected-resource/mcp?tenant=a",
                WellKnown.protectedResource(URI.create("https://mcp.example.com:8443/mcp?tenant=a")).get(0).url());
    }

    @Test
    void protectedResourceWithoutPathHasOnlyTheRoot() {
        for (String endpoint : List.of("https://mcp.example.com", "https://mcp.example.com/")) {
            assertEquals(List.of(new WellKnown.PrmCandidate(MetadataSource.ROOT,
                            "https://mcp.example.com/.well-known/oauth-protected-resource")),
                    WellKnown.protectedResource(URI.create(endpoint)));
        }
    }

    @Test
    void authorizationServerWithPathInTheSpecOrder() {
        assertEquals(List.of(
                        new WellKnown.AsCandidate(AsMetadataSource.RFC8414,
                                "https://as.example/.well-known/oauth-authorization-server/t"),
                        new WellKnown.AsCandidate(AsMetadataSource.OIDC,
                                "https://as.example/.well-known/openid-configuration/t"),
                        new WellKnown.AsCandidate(AsMetadataSource.OIDC,
                                "https://as.example/t/.well-known/openid-configuration")),
                WellKnown.authorizationServer(URI.create("https://as.example/t")));
        assertEquals(WellKnown.authorizationServer(URI.create("https://as.example/t")),
                WellKnown.authorizationServer(URI.create("https://as.example/t/")));
    }

    @Test
    void authorizationServerWithoutPath() {
        assertEquals(List.of(
                        new WellKnown.AsCandidate(AsMetadataSource.RFC8414,
                                "https://as.example/.well-known/oauth-authorization-server"),
                        new WellKnown.AsCandidate(AsMetadataSource.OIDC,
                                "https://as.example/.well-known/openid-configuration")),
                WellKnown.authorizationServer(URI.create("https://as.example")));
    }
}
