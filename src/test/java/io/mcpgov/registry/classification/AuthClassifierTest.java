package io.mcpgov.registry.classification;

import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.classification.scan.CredentialNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthClassifierTest {

    private final AuthClassifier classifier = new AuthClassifier();

    @Test
    void smitheryBearerWithASecretVariableIsApiKey() {
        AuthProfile profile = classifier.classify(load("smithery-bearer.json"));
        assertRemote(profile, 0, AuthType.API_KEY, "Authorization");
        assertTrue(profile.apiKeyOnly(false));
    }

    @Test
    void aSecretVariableAloneMakesAHeaderACredential() {
        ObjectNode doc = load("smithery-bearer.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("name", "X-Smithery");
        assertRemote(classifier.classify(doc), 0, AuthType.API_KEY, "X-Smithery");
        ((ObjectNode) doc.at("/remotes/0/headers/0/variables/smithery_api_key")).put("isSecret", false);
        assertRemote(classifier.classify(doc), 0, AuthType.NONE);
    }

    @Test
    void aHeaderCanUseASecretVariableOfTheRemote() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'sse','url':'https://x.example.com/sse','variables':{'key':{'isSecret':true}},"
                + "'headers':[{'name':'X-Custom','value':'{key}'}]}]"));
        assertRemote(classifier.classify(doc), 0, AuthType.API_KEY, "X-Custom");
    }

    @Test
    void aCredentialNamedHeaderWithoutIsSecretIsApiKey() {
        AuthProfile profile = classifier.classify(load("header-without-is-secret.json"));
        assertRemote(profile, 0, AuthType.API_KEY, "X-API-Key");
        assertTrue(profile.apiKeyOnly(false));
    }

    @Test
    void anIsSecretHeaderOfAnyNameIsApiKey() {
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("name", "X-Tenant").put("isSecret", true);
        assertRemote(classifier.classify(doc), 0, AuthType.API_KEY, "X-Tenant");
    }

    @Test
    void aSecretUrlVariableIsApiKey() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'streamable-http','url':'https://x.example.com/{token}/mcp','variables':"
                + "{'token':{'isSecret':true}}},{'type':'streamable-http','url':'https://x.example.com/{tenant}/mcp',"
                + "'variables':{'tenant':{}}}]"));
        AuthProfile profile = classifier.classify(doc);
        assertRemote(profile, 0, AuthType.API_KEY, "token");
        assertRemote(profile, 1, AuthType.NONE);
    }

    @Test
    void bareRemotesArePublic() {
        AuthProfile profile = classifier.classify(load("bare-remote.json"));
        assertRemote(profile, 0, AuthType.NONE);
        assertRemote(profile, 1, AuthType.NONE);
        assertEquals("sse", profile.remotes().get(1).transport());
        assertEquals("https://dialer.example.app/sse", profile.remotes().get(1).url());
        assertTrue(profile.hasPublic());
        assertFalse(profile.hasRemoteApiKey());
        assertFalse(profile.apiKeyOnly(true));
    }

    @Test
    void sameUrlWithAndWithoutAHeaderAndNoOauthIsApiKeyOnly() {
        AuthProfile profile = classifier.classify(load("same-url-with-and-without-header.json"));
        assertRemote(profile, 0, AuthType.NONE);
        assertRemote(profile, 1, AuthType.API_KEY, "Authorization");
        assertTrue(profile.hasPublic());
        assertTrue(profile.apiKeyOnly(false));
    }

    @Test
    void withOauthDeclaredTheBareRemoteIsOauthAndTheServerIsNotApiKeyOnly() {
        AuthProfile profile = classifier.classify(load("oauth-declared.json"));
        assertRemote(profile, 0, AuthType.OAUTH2);
        assertRemote(profile, 1, AuthType.API_KEY, "Authorization");
        assertTrue(profile.hasOauth());
        assertFalse(profile.hasPublic());
        assertFalse(profile.apiKeyOnly(true));
        assertFalse(profile.apiKeyOnly(false));
    }

    @Test
    void theOauthDeclarationIsParsed() {
        OAuthDeclaration oauth = classifier.classify(load("oauth-declared.json")).oauth2();
        assertEquals("https://mcp.tickets.example.com/mcp", oauth.resource());
        assertEquals("https://mcp.tickets.example.com/.well-known/oauth-protected-resource/mcp",
                oauth.protectedResourceMetadata());
        assertEquals(List.of("https://login.example.com/realms/acme"), oauth.authorizationServers());
        assertEquals(List.of("tickets.read", "tickets.write"), oauth.scopesSupported());
        assertEquals(List.of("tickets.read"), oauth.scopesRequired());
        assertEquals(ClientRegistrationMode.CLIENT_ID_METADATA_DOCUMENT, oauth.clientRegistration().mode());
        assertNull(oauth.clientRegistration().clientId());
        assertNull(oauth.remotes());
    }

    @Test
    void listedRemotesGetOauthEvenWithACredentialHeaderAndOthersDoNot() {
        ObjectNode doc = load("oauth-declared.json");
        ObjectNode oauth = (ObjectNode) doc.at("/_meta/io.mcpgov.registry~1governance/auth/oauth2");
        oauth.set("remotes", json5("['https://mcp.tickets.example.com/mcp']"));
        AuthProfile profile = classifier.classify(doc);
        assertRemote(profile, 0, AuthType.OAUTH2);
        assertRemote(profile, 1, AuthType.OAUTH2, "Authorization");
        oauth.set("remotes", json5("['https://elsewhere.example.com/mcp']"));
        profile = classifier.classify(doc);
        assertRemote(profile, 0, AuthType.NONE);
        assertRemote(profile, 1, AuthType.API_KEY, "Authorization");
        assertTrue(profile.apiKeyOnly(false));
    }

    @Test
    void theDeclarationMayLiveUnderPublisherProvidedAndTheDirectOneWins() {
        ObjectNode doc = load("oauth-declared.json");
        JsonNode declaration = doc.at("/_meta/io.mcpgov.registry~1governance");
        ObjectNode meta = doc.putObject("_meta");
        meta.putObject("io.modelcontextprotocol.registry/publisher-provided").set("io.mcpgov.registry/governance", declaration);
        assertRemote(classifier.classify(doc), 0, AuthType.OAUTH2);
        meta.set("io.mcpgov.registry/governance", json5("{'contact':'team@example.com'}"));
        AuthProfile profile = classifier.classify(doc);
        assertNull(profile.oauth2());
        assertRemote(profile, 0, AuthType.NONE);
    }

    @Test
    void secretEnvironmentVariablesAndArgumentsMakePackagesApiKey() {
        AuthProfile profile = classifier.classify(load("secret-env-vars.json"));
        assertEquals(2, profile.packages().size());
        PackageAuth npm = profile.packages().get(0);
        assertEquals(AuthType.API_KEY, npm.auth());
        assertEquals(List.of("AIRTABLE_API_KEY"), npm.credentials());
        assertEquals("npm", npm.registryType());
        assertEquals("@example/airtable-mcp", npm.identifier());
        assertEquals("stdio", npm.transport());
        PackageAuth oci = profile.packages().get(1);
        assertEquals(AuthType.API_KEY, oci.auth());
        assertEquals(List.of("-e"), oci.credentials());
        assertTrue(profile.hasPackageSecret());
        assertTrue(profile.apiKeyOnly(true));
        assertFalse(profile.apiKeyOnly(false));
    }

    @Test
    void packagesWithoutSecretsAreNone() {
        AuthProfile profile = classifier.classify(load("valid-server.json"));
        assertEquals(AuthType.NONE, profile.packages().get(0).auth());
        assertEquals(List.of(), profile.packages().get(0).credentials());
        assertFalse(profile.apiKeyOnly(true));
    }

    @Test
    void aCredentialNamedPackageTransportHeaderIsApiKey() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.at("/packages/0")).set("transport", json5("{'type':'streamable-http',"
                + "'url':'http://localhost:3000/mcp','headers':[{'name':'Authorization','value':'Bearer {t}'}]}"));
        PackageAuth pkg = classifier.classify(doc).packages().get(0);
        assertEquals(AuthType.API_KEY, pkg.auth());
        assertEquals(List.of("Authorization"), pkg.credentials());
        assertEquals("streamable-http", pkg.transport());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Authentication", "Proxy-Authorization", "X-API-Key",
            "x-api-key", "ApiKey", "Api-Key", "X-Custom-Token", "X-Tenant-Key", "X-Client-Secret", "X-Auth-User",
            "x-javelin-apikey"})
    void credentialLikeHeaderNames(String name) {
        assertTrue(CredentialNames.isCredentialHeader(name), name);
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("name", name);
        assertRemote(classifier.classify(doc), 0, AuthType.API_KEY, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "Content-Type", "X-Request-Id", "X-Mcp-Toolsets", "X-Tokenizer", "Keyboard"})
    void ordinaryHeaderNames(String name) {
        assertFalse(CredentialNames.isCredentialHeader(name), name);
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("name", name);
        assertRemote(classifier.classify(doc), 0, AuthType.NONE);
    }

    @Test
    void packagesOnlyServerWithoutSecretsIsNotApiKeyOnly() {
        AuthProfile profile = classifier.classify(load("valid-server.json").without("remotes"));
        assertTrue(profile.remotes().isEmpty());
        assertFalse(profile.hasPublic());
        assertFalse(profile.apiKeyOnly(true));
    }

    @Test
    void toleratesAnInvalidDocument() {
        AuthProfile profile = classifier.classify(json5("{'remotes':[1,{'headers':'x'}],'packages':{}}"));
        assertEquals(1, profile.remotes().size());
        assertEquals(AuthType.NONE, profile.remotes().get(0).auth());
        assertTrue(profile.packages().isEmpty());
    }

    @Test
    void toleratesARemoteWithoutUrlWhenOauthListsRemotes() {
        ObjectNode doc = load("oauth-declared.json");
        ((ObjectNode) doc.at("/_meta/io.mcpgov.registry~1governance/auth/oauth2"))
                .set("remotes", json5("['https://mcp.tickets.example.com/mcp']"));
        ((ObjectNode) doc.at("/remotes/1")).remove("url");
        AuthProfile profile = classifier.classify(doc);
        assertRemote(profile, 0, AuthType.OAUTH2);
        assertRemote(profile, 1, AuthType.API_KEY, "Authorization");
    }

    private static void assertRemote(AuthProfile profile, int index, AuthType auth, String... credentials) {
        RemoteAuth remote = profile.remotes().get(index);
        assertEquals(index, remote.index());
        assertEquals(auth, remote.auth(), remote.toString());
        assertEquals(List.of(credentials), remote.credentials(), remote.toString());
    }
}
