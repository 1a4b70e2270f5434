package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoWarning;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertValid;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertWarning;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.publish.validation.ValidationReport;
import org.junit.jupiter.api.Test;

/** publisher-provided size, and the governance declaration. */
class MetaRulesTest {

    private static final String PROVIDED = "/_meta/io.modelcontextprotocol.registry~1publisher-provided";
    private static final String DIRECT = "/_meta/io.mcpgov.registry~1governance";

    @Test
    void publisherMetaUpTo4096BytesPasses() {
        assertNoError(validate(withPublisherMeta(4096)), PublisherMetaSizeRule.ID);
    }

    @Test
    void publisherMetaOver4096BytesFails() {
        assertError(validate(withPublisherMeta(4097)), PublisherMetaSizeRule.ID, PROVIDED);
    }

    @Test
    void declaredOauthPasses() {
        ValidationReport report = validate(load("oauth-declared.json"));
        assertValid(report);
        assertNoWarning(report, GovernanceOauthRemoteRule.NO_REMOTES);
    }

    @Test
    void declarationUnderPublisherProvidedIsValidatedAtItsOwnPath() {
        ObjectNode doc = load("oauth-declared.json");
        JsonNode declaration = doc.get("_meta").get("io.mcpgov.registry/governance");
        ObjectNode meta = doc.putObject("_meta");
        meta.putObject("io.modelcontextprotocol.registry/publisher-provided").set("io.mcpgov.registry/governance", declaration);
        assertValid(validate(doc));
        ((ObjectNode) declaration.get("auth").get("oauth2")).remove("resource");
        assertError(validate(doc), "governance-required", PROVIDED + "/io.mcpgov.registry~1governance/auth/oauth2/resource");
    }

    @Test
    void directDeclarationWinsAndTheShadowedOneIsOnlyWarnedAbout() {
        ObjectNode doc = load("oauth-declared.json");
        ((ObjectNode) doc.get("_meta")).putObject("io.modelcontextprotocol.registry/publisher-provided")
                .set("io.mcpgov.registry/governance", json5("{'auth':{'oauth2':{'bogus':true}}}"));
        ValidationReport report = validate(doc);
        assertValid(report);
        assertWarning(report, GovernanceDeclarationRule.SHADOWED, DIRECT);
    }

    @Test
    void declarationIsCheckedAgainstTheGovernanceSchema() {
        ObjectNode oauth = json5obj("{'resource':'http://mcp.example.com/mcp','authorizationServers':[],"
                + "'scopesSupported':['a','a'],'scopesRequired':['has space'],"
                + "'clientRegistration':{'mode':'pre-registered'},'scope':'typo'}");
        ValidationReport report = validate(withOauth(oauth));
        String at = DIRECT + "/auth/oauth2";
        assertError(report, "governance-oauth-https", at + "/resource");
        assertError(report, "governance-min-items", at + "/authorizationServers");
        assertError(report, "governance-unique-items", at + "/scopesSupported");
        assertError(report, "governance-pattern", at + "/scopesRequired/0");
        assertError(report, "governance-required", at + "/clientRegistration/clientId");
        assertError(report, "governance-additional-properties", at + "/scope");
    }

    @Test
    void clientIdOnlyWithPreRegistration() {
        ObjectNode oauth = baseOauth();
        oauth.set("clientRegistration", json5("{'mode':'dynamic','clientId':'abc'}"));
        assertError(validate(withOauth(oauth)), "governance-not-allowed", DIRECT + "/auth/oauth2/clientRegistration/clientId");
        oauth.set("clientRegistration", json5("{'mode':'pre-registered','clientId':'abc'}"));
        assertValid(validate(withOauth(oauth)));
    }

    @Test
    void plainHttpOAuthUrlsOnlyForLoopbackBehindTheDevelopmentSwitch() {
        ObjectNode oauth = baseOauth();
        oauth.put("resource", "http://127.0.0.1:8089/mcp");
        oauth.set("authorizationServers", json5("['http://localhost:8090/as','http://login.example.com/as']"));
        String at = DIRECT + "/auth/oauth2";
        ValidationReport development = io.mcpgov.registry.publish.validation.ValidationAssertions
                .validateForDevelopment(withOauth(oauth));
        assertNoError(development, GovernanceOauthHttpsRule.ID, at + "/resource");
        assertNoError(development, GovernanceOauthHttpsRule.ID, at + "/authorizationServers/0");
        assertError(development, GovernanceOauthHttpsRule.ID, at + "/authorizationServers/1");
        ValidationReport production = validate(withOauth(oauth));
        assertError(production, GovernanceOauthHttpsRule.ID, at + "/resource");
        assertError(production, GovernanceOauthHttpsRule.ID, at + "/authorizationServers/0");
    }

    @Test
    void authorizationServersAreHttpsIssuersWithoutQuery() {
        ObjectNode oauth = baseOauth();
        oauth.set("authorizationServers", json5("['https://login.example.com/realms/acme?x=1','http://login.example.com']"));
        ValidationReport report = validate(withOauth(oauth));
        assertError(report, "governance-pattern", DIRECT + "/auth/oauth2/authorizationServers/0");
        assertError(report, "governance-oauth-https", DIRECT + "/auth/oauth2/authorizationServers/1");
    }

    @Test
    void declarationMustBeAnObjectAndAuthIsClosed() {
        ObjectNode doc = load("valid-server.json");
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':[]}"));
        assertError(validate(doc), "governance-type", DIRECT);
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':{'auth':{'apiKey':{}},'laterField':'team@example.com'}}"));
        ValidationReport report = validate(doc);
        assertError(report, "governance-additional-properties", DIRECT + "/auth/apiKey");
        assertError(report, "governance-required", DIRECT + "/auth/oauth2");
        assertEquals(2, report.errors().size(), report.errors().toString());
    }

    @Test
    void theContactIsAnObjectWithAnEmailOrAnHttpsUrl() {
        ObjectNode doc = load("valid-server.json");
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':{'contact':'team@example.com'}}"));
        assertError(validate(doc), "governance-type", DIRECT + "/contact");
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':{'contact':{'name':'On-call','url':'http://x.example.com'}}}"));
        assertError(validate(doc), "governance-pattern", DIRECT + "/contact/url");
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':{'contact':{'name':'On-call','email':'oncall@example.com'}}}"));
        assertEquals(0, validate(doc).errors().size(), validate(doc).errors().toString());
    }

    @Test
    void listedOauthRemotesMustBeRemotesOfTheDocument() {
        ObjectNode oauth = baseOauth();
        oauth.set("remotes", json5("['https://mcp.tickets.example.com/mcp']"));
        assertNoError(validate(withOauth(oauth)), GovernanceOauthRemoteRule.ID);
        oauth.set("remotes", json5("['https://mcp.tickets.example.com/mcp','https://other.example.com/mcp']"));
        assertError(validate(withOauth(oauth)), GovernanceOauthRemoteRule.ID, DIRECT + "/auth/oauth2/remotes/1");
    }

    @Test
    void oauthOnAServerWithoutRemotesIsAWarning() {
        ObjectNode doc = load("secret-env-vars.json");
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':{'auth':{'oauth2':" + baseOauth() + "}}}"));
        ValidationReport report = validate(doc);
        assertValid(report);
        assertWarning(report, GovernanceOauthRemoteRule.NO_REMOTES, DIRECT + "/auth/oauth2");
    }

    private static ObjectNode baseOauth() {
        return json5obj("{'resource':'https://mcp.tickets.example.com/mcp',"
                + "'authorizationServers':['https://login.example.com/realms/acme']}");
    }

    private static ObjectNode withOauth(ObjectNode oauth) {
        ObjectNode doc = load("same-url-with-and-without-header.json");
        doc.putObject("_meta").putObject("io.mcpgov.registry/governance").putObject("auth").set("oauth2", oauth);
        return doc;
    }

    private static ObjectNode withPublisherMeta(int serializedBytes) {
        ObjectNode doc = load("valid-server.json");
        String prefix = "{\"notes\":\"";
        String suffix = "\"}";
        String filler = "n".repeat(serializedBytes - prefix.length() - suffix.length());
        doc.putObject("_meta").putObject("io.modelcontextprotocol.registry/publisher-provided").put("notes", filler);
        return doc;
    }

    private static ObjectNode json5obj(String text) {
        return (ObjectNode) json5(text);
    }
}
