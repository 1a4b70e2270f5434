package io.mcpgov.registry.policy;

// TEMPORARY STUB (replaced by the validation branch)
import com.fasterxml.jackson.databind.JsonNode;

public class AuthClassifier {
    public AuthProfile classify(JsonNode doc) {
        boolean oauth = doc.path("_meta").path("io.mcpgov.registry/governance").path("auth").has("oauth2");
        boolean key = false, pub = false, pkg = false;
        for (JsonNode r : doc.path("remotes")) {
            boolean k = false;
            for (JsonNode h : r.path("headers")) if (h.path("isSecret").asBoolean() || h.path("name").asText().equalsIgnoreCase("authorization")) k = true;
            if (k) key = true; else pub = true;
        }
        for (JsonNode p : doc.path("packages")) for (JsonNode e : p.path("environmentVariables")) if (e.path("isSecret").asBoolean()) pkg = true;
        return new AuthProfile(oauth, key, pkg, pub && !oauth);
    }
}
