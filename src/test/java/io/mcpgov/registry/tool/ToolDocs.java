package io.mcpgov.registry.tool;

import io.mcpgov.registry.support.Docs;

/** server.json documents that declare tools, for the HTTP tests. */
final class ToolDocs {

    static final String GOV = "_meta.'io.mcpgov.registry/governance'";

    static final String GET = """
            {"name":"get_forecast","title":"Get forecast","description":"Forecast for a city",
             "inputSchema":{"type":"object","properties":{"city":{"type":"string"}}},
             "annotations":{"readOnlyHint":true,"openWorldHint":false},"scopes":["w.read"]}""";
    static final String SET = """
            {"name":"set_alert","description":"Create an alert","annotations":{"destructiveHint":false,"idempotentHint":true},
             "scopes":["w.write"]}""";
    /** No annotations: destructive by the MCP defaults. */
    static final String DELETE = """
            {"name":"delete_alerts","description":"Delete every alert","scopes":["w.delete"]}""";

    private ToolDocs() {
    }

    /** An OAuth server (scopesRequired mcp.connect) declaring these tools. */
    static String oauth(String name, String version, String... tools) {
        String url = "https://" + host(name) + ".example.com/mcp";
        return """
                {"$schema":"%s","name":"%s","description":"Weather","version":"%s",
                 "remotes":[{"type":"streamable-http","url":"%s"}],
                 "_meta":{"io.mcpgov.registry/governance":{"auth":{"oauth2":{
                    "resource":"%s","authorizationServers":["https://login.example.com/realms/acme"],
                    "protectedResourceMetadata":"https://%s.example.com/.well-known/oauth-protected-resource/mcp",
                    "scopesSupported":["mcp.connect","w.read","w.write","w.delete","w.admin"],"scopesRequired":["mcp.connect"],
                    "clientRegistration":{"mode":"client-id-metadata-document"}}},
                  "tools":[%s]}}}"""
                .formatted(Docs.SCHEMA, name, version, url, url, host(name), String.join(",", tools));
    }

    /** An OAuth server without a tools declaration. */
    static String oauthWithoutTools(String name, String version) {
        return Docs.oauthRemote(name, version);
    }

    /** An API-key-only server (hidden from agents) declaring tools without scopes. */
    static String apiKey(String name, String version, String... tools) {
        String url = "https://" + host(name) + ".example.com/mcp";
        return """
                {"$schema":"%s","name":"%s","description":"Keyed","version":"%s",
                 "remotes":[{"type":"streamable-http","url":"%s","headers":[{"name":"X-API-Key","isSecret":true,"isRequired":true}]}],
                 "_meta":{"io.mcpgov.registry/governance":{"tools":[%s]}}}"""
                .formatted(Docs.SCHEMA, name, version, url, String.join(",", tools));
    }

    private static String host(String name) {
        return name.replaceAll("[^a-zA-Z0-9]", "-").toLowerCase();
    }
}
