package io.mcpgov.registry.classification;

import static io.mcpgov.registry.testing.Fixtures.MAPPER;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AuthProfileJsonTest {

    @Test
    void serializesWireNamesAndDerivedFlags() throws Exception {
        AuthProfile profile = new AuthClassifier().classify(load("oauth-declared.json"));
        JsonNode json = MAPPER.valueToTree(profile);
        assertEquals("oauth2", json.at("/remotes/0/auth").asText());
        assertEquals("api-key", json.at("/remotes/1/auth").asText());
        assertEquals("Authorization", json.at("/remotes/1/credentials/0").asText());
        assertEquals("client-id-metadata-document", json.at("/oauth2/clientRegistration/mode").asText());
        assertFalse(json.at("/oauth2/clientRegistration").has("clientId"));
        assertFalse(json.get("oauth2").has("remotes"));
        assertTrue(json.get("hasOauth").asBoolean());
        assertTrue(json.get("hasRemoteApiKey").asBoolean());
        assertFalse(json.get("hasPackageSecret").asBoolean());
        assertFalse(json.get("hasPublic").asBoolean());
        assertFalse(json.has("apiKeyOnly"));
    }

    @Test
    void noneSerializesAsNone() {
        JsonNode json = MAPPER.valueToTree(new AuthClassifier().classify(load("bare-remote.json")));
        assertEquals("none", json.at("/remotes/0/auth").asText());
        assertTrue(json.get("oauth2").isNull());
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        AuthProfile profile = new AuthClassifier().classify(load("oauth-declared.json"));
        String json = MAPPER.writeValueAsString(profile);
        assertEquals(profile, MAPPER.readValue(json, AuthProfile.class));
        AuthProfile packages = new AuthClassifier().classify(load("secret-env-vars.json"));
        assertEquals(packages, MAPPER.readValue(MAPPER.writeValueAsString(packages), AuthProfile.class));
    }
}
