package io.mcpgov.registry.support;

/** server.json documents shaped like real registry entries, built for each test. */
public final class Docs {

    public static final String SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    private Docs() {
    }

    /** A server with one bare remote (no credential). */
    public static String publicRemote(String name, String version) {
        return """
                {"$schema":"%s","name":"%s","description":"Weather forecasts","version":"%s",
                 "remotes":[{"type":"streamable-http","url":"https://%s.example.com/mcp"}]}"""
                .formatted(SCHEMA, name, version, host(name));
    }

    /** A remote that needs an API key in a secret header, smithery-style. */
    public static String apiKeyRemote(String name, String version) {
        return """
                {"$schema":"%s","name":"%s","description":"Needs a key","version":"%s",
                 "remotes":[{"type":"streamable-http","url":"https://%s.example.com/mcp",
                   "headers":[{"name":"Authorization","value":"Bearer {api_key}",
                               "variables":{"api_key":{"isRequired":true,"isSecret":true}}}]}]}"""
                .formatted(SCHEMA, name, version, host(name));
    }

    /** A remote with OAuth declared in the registry's own _meta key. */
    public static String oauthRemote(String name, String version) {
        String url = "https://" + host(name) + ".example.com/mcp";
        return """
                {"$schema":"%s","name":"%s","description":"OAuth protected","version":"%s",
                 "remotes":[{"type":"streamable-http","url":"%s"}],
                 "_meta":{"io.mcpgov.registry/governance":{"auth":{"oauth2":{
                    "resource":"%s","authorizationServers":["https://login.example.com/realms/acme"],
                    "scopesSupported":["weather.read","weather.write"],"scopesRequired":["weather.read"],
                    "clientRegistration":{"mode":"client-id-metadata-document"}}}}}}"""
                .formatted(SCHEMA, name, version, url, url);
    }

    private static String host(String name) {
        return name.replaceAll("[^a-zA-Z0-9]", "-").toLowerCase();
    }
}
