package io.mcpgov.registry.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.testing.FakeSecrets;
import io.mcpgov.registry.testing.Fixtures;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A server.json that passes every check, with a credential written into one place of it: the places an attacker
 * got credentials through before, and every other kind of place the scan covers.
 */
final class SecretDocs {

    static final String PUBLISHER_PROVIDED = "/_meta/io.modelcontextprotocol.registry~1publisher-provided";
    static final String GOVERNANCE = "/_meta/io.mcpgov.registry~1governance";

    /** Where a credential is written, the JSON pointer its refusal names, the credential and how to write it. */
    record Place(String label, String pointer, Function<FakeSecrets, String> secret,
            BiConsumer<ObjectNode, String> write) {
        @Override
        public String toString() {
            return label;
        }
    }

    private SecretDocs() {
    }

    /** Valid, and clean: published as it is, it is stored. */
    static ObjectNode clean(String name) {
        String host = name.replaceAll("[^a-zA-Z0-9]", "-").toLowerCase();
        return (ObjectNode) Fixtures.json("""
                {"$schema":"%s","name":"%s","title":"Weather","description":"Forecasts for any city","version":"1.0.0",
                 "websiteUrl":"https://weather.example.com/docs",
                 "repository":{"url":"https://github.com/example/weather-mcp","source":"github"},
                 "icons":[{"src":"https://weather.example.com/icon.png","mimeType":"image/png"}],
                 "remotes":[{"type":"streamable-http","url":"https://%s.example.com/mcp",
                   "headers":[{"name":"X-Region","value":"eu"}]}],
                 "packages":[{"registryType":"npm","identifier":"@example/weather-mcp","version":"1.0.0",
                   "transport":{"type":"stdio"},
                   "packageArguments":[{"type":"named","name":"--units","default":"metric"}],
                   "environmentVariables":[{"name":"WEATHER_LOG_LEVEL","default":"info"}]}],
                 "_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"tags":["weather"]},
                   "io.mcpgov.registry/governance":{"tools":[{"name":"get_forecast","description":"Forecast",
                     "inputSchema":{"type":"object","properties":{"city":{"type":"string"}}},
                     "annotations":{"readOnlyHint":true}}]}}}"""
                .formatted(Docs.SCHEMA, name, host));
    }

    /** The seven places through which credentials were once accepted and served to agents. */
    static List<Place> attacked() {
        return List.of(
                new Place("environment variable default named DB_PASSWORD",
                        "/packages/0/environmentVariables/0/default", FakeSecrets::password,
                        (d, s) -> env(d).put("name", "DB_PASSWORD").put("default", s)),
                new Place("access key id in a remote URL's path", "/remotes/0/url", f -> f.awsKeyId("AKIA"),
                        (d, s) -> remote(d).put("url", remote(d).get("url").asText().replace("/mcp", "/" + s + "/mcp"))),
                new Place("access token in websiteUrl's query", "/websiteUrl", f -> f.githubToken("ghp_"),
                        (d, s) -> d.put("websiteUrl", "https://weather.example.com/docs?access_token=" + s)),
                new Place("token as user-info of repository.url", "/repository/url", f -> f.githubToken("ghp_"),
                        (d, s) -> ((ObjectNode) d.get("repository")).put("url",
                                "https://x-access-token:" + s + "@github.com/example/weather-mcp")),
                new Place("apiKey under publisher-provided _meta", PUBLISHER_PROVIDED + "/apiKey", f -> f.alnum(32),
                        (d, s) -> publisherProvided(d).put("apiKey", s)),
                new Place("key in the description", "/description", FakeSecrets::openAiKey,
                        (d, s) -> d.put("description", "Forecasts. Try it with " + s)),
                new Place("default in a tool's inputSchema",
                        GOVERNANCE + "/tools/0/inputSchema/properties/apiKey/default", FakeSecrets::openAiKey,
                        (d, s) -> toolProperty(d, "apiKey").put("default", s)));
    }

    /** Every other kind of place the scan covers. */
    static List<Place> others() {
        return List.of(
                new Place("title", "/title", FakeSecrets::anthropicKey, (d, s) -> d.put("title", "Weather " + s)),
                new Place("icon URL", "/icons/0/src", FakeSecrets::googleKey,
                        (d, s) -> ((ObjectNode) d.get("icons").get(0))
                                .put("src", "https://weather.example.com/icon.png?key=" + s)),
                new Place("remote header value", "/remotes/0/headers/0/value", f -> f.alnum(24),
                        (d, s) -> header(d).put("name", "Authorization").put("value", "Bearer " + s)),
                new Place("remote header default", "/remotes/0/headers/0/default", FakeSecrets::password,
                        (d, s) -> header(d).put("name", "X-Api-Key").put("default", s)),
                new Place("variable of a remote header", "/remotes/0/headers/0/variables/token/default",
                        f -> f.slackToken("xoxb-"),
                        (d, s) -> header(d).put("name", "Authorization").put("value", "Bearer {token}")
                                .putObject("variables").putObject("token").put("default", s)),
                new Place("remote URL variable", "/remotes/0/variables/region/default", FakeSecrets::jwt,
                        (d, s) -> remote(d).putObject("variables").putObject("region").put("isSecret", true)
                                .put("default", s)),
                new Place("environment variable value", "/packages/0/environmentVariables/0/value",
                        FakeSecrets::openAiKey, (d, s) -> env(d).put("name", "OPENAI_API_KEY").put("value", s)),
                new Place("argument value", "/packages/0/packageArguments/0/value", f -> f.stripeKey("sk_live_"),
                        (d, s) -> argument(d).put("value", "--token=" + s)),
                new Place("argument default", "/packages/0/packageArguments/0/default", FakeSecrets::password,
                        (d, s) -> argument(d).put("name", "--api-key").put("default", s)),
                new Place("a member of _meta", PUBLISHER_PROVIDED + "/deploy/credentials/password",
                        FakeSecrets::password,
                        (d, s) -> publisherProvided(d).putObject("deploy").putObject("credentials").put("password", s)),
                new Place("a member name in _meta", PUBLISHER_PROVIDED, FakeSecrets::gitlabToken,
                        (d, s) -> publisherProvided(d).put(s, true)),
                new Place("examples in a tool's inputSchema",
                        GOVERNANCE + "/tools/0/inputSchema/properties/token/examples/0", FakeSecrets::githubFineGrained,
                        (d, s) -> toolProperty(d, "token").putArray("examples").add(s)),
                new Place("enum value in a tool's inputSchema",
                        GOVERNANCE + "/tools/0/inputSchema/properties/city/enum/1", FakeSecrets::npmToken,
                        (d, s) -> toolProperty(d, "city").putArray("enum").add("Paris").add(s)),
                new Place("tool description", GOVERNANCE + "/tools/0/description", FakeSecrets::awsSecretKey,
                        (d, s) -> tool(d).put("description", "Signs requests with the AWS secret access key " + s)));
    }

    static ObjectNode publisherProvided(ObjectNode doc) {
        return (ObjectNode) doc.get("_meta").get("io.modelcontextprotocol.registry/publisher-provided");
    }

    private static ObjectNode remote(ObjectNode doc) {
        return (ObjectNode) doc.get("remotes").get(0);
    }

    private static ObjectNode header(ObjectNode doc) {
        return (ObjectNode) remote(doc).get("headers").get(0);
    }

    private static ObjectNode env(ObjectNode doc) {
        ObjectNode env = (ObjectNode) doc.get("packages").get(0).get("environmentVariables").get(0);
        env.remove("default");
        return env;
    }

    private static ObjectNode argument(ObjectNode doc) {
        ObjectNode argument = (ObjectNode) doc.get("packages").get(0).get("packageArguments").get(0);
        argument.remove("default");
        return argument;
    }

    private static ObjectNode tool(ObjectNode doc) {
        ArrayNode tools = (ArrayNode) doc.get("_meta").get("io.mcpgov.registry/governance").get("tools");
        return (ObjectNode) tools.get(0);
    }

    private static ObjectNode toolProperty(ObjectNode doc, String property) {
        ObjectNode properties = (ObjectNode) tool(doc).get("inputSchema").get("properties");
        if (!properties.has(property)) {
            properties.putObject(property).put("type", "string");
        }
        return (ObjectNode) properties.get(property);
    }
}
