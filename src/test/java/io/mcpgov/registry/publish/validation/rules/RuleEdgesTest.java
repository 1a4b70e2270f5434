package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The edges of a few publish rules: an empty stdio url, a plain-http metadata URL, a blank version. */
class RuleEdgesTest {

    private static ObjectNode withPackageTransport(String transport) {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.at("/packages/0")).set("transport", json5(transport));
        return doc;
    }

    @Test
    void aStdioTransportMayCarryAnEmptyUrlButNotAUrl() {
        assertNoError(validate(withPackageTransport("{'type':'stdio','url':''}")), StdioTransportUrlRule.ID);
        assertError(validate(withPackageTransport("{'type':'stdio','url':'https://x.example.com/mcp'}")),
                StdioTransportUrlRule.ID, "/packages/0/transport/url");
    }

    @Test
    void everyDeclaredOauthUrlMustBeHttps() {
        ObjectNode doc = load("valid-server.json");
        doc.set("_meta", json5("{'io.mcpgov.registry/governance':{'auth':{'oauth2':{"
                + "'resource':'https://r.example.com/mcp','protectedResourceMetadata':'http://r.example.com/prm',"
                + "'authorizationServers':['https://as.example.com','http://as2.example.com']}}}}"));
        String at = "/_meta/io.mcpgov.registry~1governance/auth/oauth2";
        assertError(validate(doc), GovernanceOauthHttpsRule.ID, at + "/protectedResourceMetadata");
        assertError(validate(doc), GovernanceOauthHttpsRule.ID, at + "/authorizationServers/1");
        assertNoError(validate(doc), GovernanceOauthHttpsRule.ID, at + "/resource");
        assertNoError(validate(doc), GovernanceOauthHttpsRule.ID, at + "/authorizationServers/0");
    }

    @Test
    void aBlankVersionIsNotARange() {
        assertThat(Versions.looksLikeRange("   ")).isFalse();
        assertThat(Versions.looksLikeRange("")).isFalse();
        assertThat(Versions.looksLikeRange(" ^1.2 ")).isTrue();
    }
}
