package io.mcpgov.registry.policy;

import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The small rules auth classification stands on: where a declaration sits, how OAuth is read, package headers. */
class PolicyRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aSecretPackageTransportHeaderWithAnOrdinaryNameIsApiKey() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.at("/packages/0")).set("transport", json5("{'type':'streamable-http',"
                + "'url':'http://localhost:3000/mcp','headers':[{'name':'X-Tenant','isSecret':true},"
                + "{'name':'X-Region','value':'{region}','variables':{'region':{'isSecret':false}}}]}"));
        PackageAuth pkg = new AuthClassifier().classify(doc).packages().get(0);
        assertThat(pkg.auth()).isEqualTo(AuthType.API_KEY);
        assertThat(pkg.credentials()).containsExactly("X-Tenant");
    }

    @Test
    void theDirectDeclarationWinsAndSaysItShadowsTheNestedOne() throws Exception {
        JsonNode both = json("""
                {"_meta":{"io.mcpgov.registry/governance":{"a":1},
                  "io.modelcontextprotocol.registry/publisher-provided":{"io.mcpgov.registry/governance":{"b":2}}}}""");
        GovernanceMeta.Declaration found = GovernanceMeta.locate(both).orElseThrow();
        assertThat(found.node().has("a")).isTrue();
        assertThat(found.path()).isEqualTo("/_meta/io.mcpgov.registry~1governance");
        assertThat(found.shadowsPublisherProvided()).isTrue();

        JsonNode direct = json("{\"_meta\":{\"io.mcpgov.registry/governance\":{\"a\":1}}}");
        assertThat(GovernanceMeta.locate(direct).orElseThrow().shadowsPublisherProvided()).isFalse();

        JsonNode nested = json("""
                {"_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"io.mcpgov.registry/governance":{"b":2}}}}""");
        GovernanceMeta.Declaration inside = GovernanceMeta.locate(nested).orElseThrow();
        assertThat(inside.node().has("b")).isTrue();
        assertThat(inside.path()).isEqualTo(
                "/_meta/io.modelcontextprotocol.registry~1publisher-provided/io.mcpgov.registry~1governance");
        assertThat(inside.shadowsPublisherProvided()).isFalse();
    }

    @Test
    void noDeclarationWhereThereIsNone() throws Exception {
        assertThat(GovernanceMeta.locate(null)).isEmpty();
        assertThat(GovernanceMeta.locate(json("{}"))).isEmpty();
        assertThat(GovernanceMeta.locate(json("{\"_meta\":[]}"))).isEmpty();
        assertThat(GovernanceMeta.locate(json("{\"_meta\":{}}"))).isEmpty();
        assertThat(GovernanceMeta.locate(json(
                "{\"_meta\":{\"io.modelcontextprotocol.registry/publisher-provided\":[1]}}"))).isEmpty();
        assertThat(GovernanceMeta.locate(json(
                "{\"_meta\":{\"io.modelcontextprotocol.registry/publisher-provided\":{\"other\":1}}}"))).isEmpty();
    }

    @Test
    void oauthIsReadMemberByMember() throws Exception {
        OAuthDeclaration read = OAuthDeclarations.read(json("""
                {"auth":{"oauth2":{"resource":"https://r.example.com/mcp","protectedResourceMetadata":"https://r.example.com/prm",
                 "authorizationServers":["https://as.example.com",7],"scopesSupported":["a","b"],"scopesRequired":[],
                 "clientRegistration":{"mode":"pre-registered","clientId":"c-1"},"remotes":["https://r.example.com/mcp"]}}}"""));
        assertThat(read.resource()).isEqualTo("https://r.example.com/mcp");
        assertThat(read.protectedResourceMetadata()).isEqualTo("https://r.example.com/prm");
        assertThat(read.authorizationServers()).containsExactly("https://as.example.com");
        assertThat(read.scopesSupported()).containsExactly("a", "b");
        assertThat(read.scopesRequired()).isEmpty();
        assertThat(read.clientRegistration().mode()).isEqualTo(ClientRegistrationMode.PRE_REGISTERED);
        assertThat(read.clientRegistration().clientId()).isEqualTo("c-1");
        assertThat(read.remotes()).containsExactly("https://r.example.com/mcp");
    }

    @Test
    void absentOrMistypedMembersAreNull() throws Exception {
        assertThat(OAuthDeclarations.read(json("{}"))).isNull();
        assertThat(OAuthDeclarations.read(json("{\"auth\":{\"oauth2\":true}}"))).isNull();
        OAuthDeclaration sparse = OAuthDeclarations.read(json("""
                {"auth":{"oauth2":{"resource":5,"scopesSupported":"a","clientRegistration":"dynamic"}}}"""));
        assertThat(sparse.resource()).isNull();
        assertThat(sparse.protectedResourceMetadata()).isNull();
        assertThat(sparse.authorizationServers()).isNull();
        assertThat(sparse.scopesSupported()).isNull();
        assertThat(sparse.remotes()).isNull();
        assertThat(sparse.clientRegistration()).isNull();
        OAuthDeclaration unknownMode = OAuthDeclarations.read(json(
                "{\"auth\":{\"oauth2\":{\"clientRegistration\":{\"mode\":\"magic\",\"clientId\":3}}}}"));
        assertThat(unknownMode.clientRegistration().mode()).isNull();
        assertThat(unknownMode.clientRegistration().clientId()).isNull();
    }
}
