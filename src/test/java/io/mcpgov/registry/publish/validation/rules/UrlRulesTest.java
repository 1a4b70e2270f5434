package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertValid;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validateForDevelopment;
import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.publish.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRulesTest {

    @Test
    void httpsRemotePasses() {
        ValidationReport report = validate(withRemoteUrl("https://mcp.example.com/mcp"));
        assertNoError(report, RemoteUrlHttpsRule.ID);
        assertNoError(report, RemoteUrlLocalhostRule.ID);
    }

    @Test
    void plainHttpRemoteFailsEvenInDevelopmentWhenNotLoopback() {
        assertError(validate(withRemoteUrl("http://mcp.example.com/mcp")), RemoteUrlHttpsRule.ID, "/remotes/0/url");
        assertError(validateForDevelopment(withRemoteUrl("http://mcp.example.com/mcp")), RemoteUrlHttpsRule.ID,
                "/remotes/0/url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000/mcp", "http://127.0.0.1/mcp", "http://[::1]:8080/mcp",
            "http://api.localhost/mcp", "http://LOCALHOST./mcp", "http://127.1/mcp", "http://2130706433/mcp",
            "http://0x7f.0.0.1/mcp", "http://0177.0.0.1/mcp", "http://[::ffff:127.0.0.1]/mcp", "http://0.0.0.0/mcp"})
    void loopbackRemotesAreRefusedInProductionAndAcceptedInDevelopment(String url) {
        ValidationReport production = validate(withRemoteUrl(url));
        assertError(production, RemoteUrlLocalhostRule.ID, "/remotes/0/url");
        assertError(production, RemoteUrlHttpsRule.ID, "/remotes/0/url");
        ValidationReport development = validateForDevelopment(withRemoteUrl(url));
        assertNoError(development, RemoteUrlLocalhostRule.ID);
        assertNoError(development, RemoteUrlHttpsRule.ID);
    }

    @Test
    void httpsLoopbackIsStillLocalhostInProduction() {
        ValidationReport report = validate(withRemoteUrl("https://localhost/mcp"));
        assertError(report, RemoteUrlLocalhostRule.ID, "/remotes/0/url");
        assertNoError(report, RemoteUrlHttpsRule.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost.example.com/mcp", "https://127.0.0.1.nip.example/mcp",
            "https://10.0.0.8/mcp", "https://[2001:db8::1]/mcp", "https://mcp.example.com:8443/{tenant}/mcp"})
    void nonLoopbackHostsAreNotLocalhost(String url) {
        assertNoError(validate(withRemoteUrl(url)), RemoteUrlLocalhostRule.ID);
    }

    @Test
    void aRemoteWithoutAHostIsInvalid() {
        assertError(validate(withRemoteUrl("https:///mcp")), RemoteUrlHttpsRule.INVALID, "/remotes/0/url");
    }

    @Test
    void aLeadingTemplateIsCheckedThroughItsDeclaredValues() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'sse','url':'{base}/sse','variables':{'base':"
                + "{'choices':['https://eu.example.com','http://us.example.com']}}}]"));
        assertError(validate(doc), RemoteUrlHttpsRule.ID, "/remotes/0/url");
        doc.set("remotes", json5("[{'type':'sse','url':'{base}/sse','variables':{'base':"
                + "{'default':'https://localhost:9000'}}}]"));
        assertError(validate(doc), RemoteUrlLocalhostRule.ID, "/remotes/0/url");
        doc.set("remotes", json5("[{'type':'sse','url':'{base}/sse','variables':{'base':{'isRequired':true}}}]"));
        assertValid(validate(doc));
    }

    @Test
    void templatedHostsAndPortsAreChecked() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'sse','url':'http://{region}.example.com:{port}/sse','variables':"
                + "{'region':{},'port':{}}}]"));
        assertError(validate(doc), RemoteUrlHttpsRule.ID, "/remotes/0/url");
    }

    @Test
    void websiteUrlMustBeHttps() {
        ObjectNode doc = load("valid-server.json");
        assertNoError(validate(doc), WebsiteUrlHttpsRule.ID);
        doc.put("websiteUrl", "http://weather.example.com");
        assertError(validate(doc), WebsiteUrlHttpsRule.ID, "/websiteUrl");
        doc.put("websiteUrl", "weather.example.com/docs");
        assertError(validate(doc), WebsiteUrlHttpsRule.ID, "/websiteUrl");
    }

    @Test
    void iconSrcMustBeHttps() {
        ObjectNode doc = load("valid-server.json");
        assertNoError(validate(doc), IconSrcHttpsRule.ID);
        doc.set("icons", json5("[{'src':'https://x.example.com/a.png'},{'src':'http://x.example.com/b.png'},"
                + "{'src':'data:image/png;base64,iVBORw0KGgo='}]"));
        ValidationReport report = validate(doc);
        assertError(report, IconSrcHttpsRule.ID, "/icons/1/src");
        assertError(report, IconSrcHttpsRule.ID, "/icons/2/src");
        assertNoError(validate(load("valid-server.json")), IconSrcHttpsRule.ID);
    }

    @Test
    void remoteUrlVariablesMustBeDeclared() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'sse','url':'https://x.example.com/{tenant}/sse','variables':{'tenant':{}}}]"));
        assertNoError(validate(doc), TransportUrlVariablesRule.ID);
        doc.set("remotes", json5("[{'type':'sse','url':'https://x.example.com/{tenant}/sse'}]"));
        assertError(validate(doc), TransportUrlVariablesRule.ID, "/remotes/0/url");
    }

    @Test
    void packageTransportUrlVariablesComeFromArgumentsAndEnvironment() {
        ObjectNode doc = load("valid-server.json");
        ObjectNode pkg = (ObjectNode) doc.get("packages").get(0);
        pkg.set("transport", json5("{'type':'streamable-http','url':'http://localhost:{--port}/mcp/{WEATHER_LOG_LEVEL}/{city}'}"));
        pkg.set("packageArguments", json5("[{'type':'named','name':'--port','default':'3000'},"
                + "{'type':'positional','valueHint':'city'}]"));
        assertNoError(validate(doc), TransportUrlVariablesRule.ID);
        pkg.set("transport", json5("{'type':'streamable-http','url':'http://localhost:{port}/mcp'}"));
        assertError(validate(doc), TransportUrlVariablesRule.ID, "/packages/0/transport/url");
    }

    private static ObjectNode withRemoteUrl(String url) {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'streamable-http','url':'" + url + "'}]"));
        return doc;
    }
}
