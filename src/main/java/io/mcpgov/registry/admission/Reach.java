package io.mcpgov.registry.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.classification.DeclaredTool;
import io.mcpgov.registry.classification.OAuthDeclaration;
import io.mcpgov.registry.classification.PackageAuth;
import io.mcpgov.registry.classification.RemoteAuth;
import io.mcpgov.registry.classification.ToolClassification;
import io.mcpgov.registry.classification.ToolDeclaration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an agent can reach through one version: its remotes and packages with how each authenticates, the scopes it
 * names, and its tools with how dangerous each is.
 */
record Reach(Map<String, String> remotes, Map<String, String> packages, Set<String> scopes,
        Map<String, ToolClassification> tools) {

    static Reach of(JsonNode document, AuthProfile profile) {
        Map<String, String> remotes = new LinkedHashMap<>();
        for (RemoteAuth remote : profile.remotes()) {
            remotes.put(remote.url(), remote.auth().wireName());
        }
        Map<String, String> packages = new LinkedHashMap<>();
        for (PackageAuth pkg : profile.packages()) {
            packages.put(pkg.registryType() + ":" + pkg.identifier(), pkg.auth().wireName());
        }
        Set<String> scopes = new LinkedHashSet<>();
        OAuthDeclaration oauth = profile.oauth2();
        if (oauth != null) {
            if (oauth.scopesSupported() != null) {
                scopes.addAll(oauth.scopesSupported());
            }
            if (oauth.scopesRequired() != null) {
                scopes.addAll(oauth.scopesRequired());
            }
        }
        Map<String, ToolClassification> tools = new LinkedHashMap<>();
        ToolDeclaration.read(document).ifPresent(declaration -> {
            for (DeclaredTool tool : declaration.tools()) {
                tools.put(tool.name(), tool.classification());
                scopes.addAll(tool.scopes());
            }
        });
        return new Reach(remotes, packages, scopes, tools);
    }
}
