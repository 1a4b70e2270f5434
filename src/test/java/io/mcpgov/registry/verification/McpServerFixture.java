package io.mcpgov.registry.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;

/**
 * A correct OAuth-protected MCP server on WireMock, whose parts tests change before {@link #install()}: the MCP
 * endpoint {@code /mcp}, its protected resource metadata at the header's URL, and an authorization server with issuer
 * {@code <base>/as} whose RFC 8414 metadata is at {@code /.well-known/oauth-authorization-server/as}.
 */
final class McpServerFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server;
    final String base;
    int unauthenticatedStatus = 401;
    String challenge;
    int invalidTokenStatus = 401;
    String prmPath = "/.well-known/oauth-protected-resource/mcp";
    String prmContentType = "application/json";
    final ObjectNode prm;
    String asPath = "/.well-known/oauth-authorization-server/as";
    final ObjectNode as;

    McpServerFixture(WireMockServer server) {
        this(server, "127.0.0.1");
    }

    /** @param host a loopback address or name the server is reached by (127.0.0.0/8 all reach it) */
    McpServerFixture(WireMockServer server, String host) {
        this.server = server;
        this.base = "http://" + host + ":" + server.port();
        this.challenge = "Bearer resource_metadata=\"" + base + prmPath + "\", scope=\"tools:read\"";
        this.prm = JSON.createObjectNode();
        prm.put("resource", endpoint());
        prm.set("authorization_servers", JSON.valueToTree(List.of(issuer())));
        prm.set("scopes_supported", JSON.valueToTree(List.of("tools:read", "tools:write")));
        prm.set("bearer_methods_supported", JSON.valueToTree(List.of("header")));
        prm.put("resource_name", "Fixture MCP server");
        this.as = JSON.createObjectNode();
        as.put("issuer", issuer());
        as.put("authorization_endpoint", issuer() + "/authorize");
        as.put("token_endpoint", issuer() + "/token");
        as.put("registration_endpoint", issuer() + "/register");
        as.put("jwks_uri", issuer() + "/jwks");
        as.set("response_types_supported", JSON.valueToTree(List.of("code")));
        as.set("grant_types_supported", JSON.valueToTree(List.of("authorization_code", "refresh_token")));
        as.set("code_challenge_methods_supported", JSON.valueToTree(List.of("S256")));
        as.put("client_id_metadata_document_supported", true);
        as.put("authorization_response_iss_parameter_supported", true);
    }

    String endpoint() {
        return base + "/mcp";
    }

    String issuer() {
        return base + "/as";
    }

    /** What the publisher of this server would correctly declare. */
    DeclaredOAuth declaration() {
        return new DeclaredOAuth(endpoint(), List.of(issuer()), List.of("tools:read", "tools:write"),
                List.of("tools:read"), RegistrationMode.CIMD);
    }

    McpServerFixture install() {
        ResponseDefinitionBuilder unauthenticated = aResponse().withStatus(unauthenticatedStatus);
        if (challenge != null) {
            unauthenticated.withHeader("WWW-Authenticate", challenge);
        }
        server.stubFor(post("/mcp").withHeader("Authorization", absent()).willReturn(unauthenticated));
        server.stubFor(post("/mcp").withHeader("Authorization", equalTo("Bearer invalid"))
                .willReturn(aResponse().withStatus(invalidTokenStatus)
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        if (prmPath != null) {
            server.stubFor(get(prmPath).willReturn(json(prm).withHeader("Content-Type", prmContentType)));
        }
        if (asPath != null) {
            server.stubFor(get(asPath).willReturn(json(as)));
        }
        return this;
    }

    static ResponseDefinitionBuilder json(ObjectNode document) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(document.toString());
    }
}
