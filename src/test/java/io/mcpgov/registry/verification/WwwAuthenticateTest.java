package io.mcpgov.registry.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WwwAuthenticateTest {

    @Test
    void bearerWithQuotedParameters() {
        List<Challenge> challenges = WwwAuthenticate.parse(List.of(
                "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", "
                        + "scope=\"files:read files:write\", error=\"invalid_token\""));
        assertEquals(1, challenges.size());
        Challenge bearer = challenges.get(0);
        assertTrue(bearer.isBearer());
        assertEquals(Optional.of("https://mcp.example.com/.well-known/oauth-protected-resource/mcp"),
                bearer.param("resource_metadata"));
        assertEquals(Optional.of("files:read files:write"), bearer.param("scope"));
    }

    @Test
    void severalChallengesInOneHeaderAndAcrossHeaders() {
        List<Challenge> challenges = WwwAuthenticate.parse(List.of(
                "Basic realm=\"legacy\", Bearer realm=\"mcp\", resource_metadata=\"https://x.example/prm\"",
                "DPoP algs=\"ES256\""));
        assertEquals(List.of("Basic", "Bearer", "DPoP"), challenges.stream().map(Challenge::scheme).toList());
        assertEquals(Map.of("realm", "legacy"), challenges.get(0).params());
        assertEquals(Optional.of("https://x.example/prm"), challenges.get(1).param("resource_metadata"));
    }

    @Test
    void token68IsSkippedAndTheNextChallengeStillFound() {
        List<Challenge> challenges = WwwAuthenticate.parse(List.of(
                "Negotiate YIIB9wYJKoZIhvcSAQICAQBuggHmMIIB4qADAgEFoQMCAQ6i==, bearer Scope=read"));
        assertEquals(2, challenges.size());
        assertTrue(challenges.get(1).isBearer());
        assertEquals(Optional.of("read"), challenges.get(1).param("scope"));
    }

    @Test
    void escapesInQuotedStringsAndBareUrls() {
        Challenge bearer = WwwAuthenticate.parse(List.of(
                "Bearer realm=\"a \\\"quoted\\\" realm\", resource_metadata=https://x.example/prm")).get(0);
        assertEquals(Optional.of("a \"quoted\" realm"), bearer.param("realm"));
        assertEquals(Optional.of("https://x.example/prm"), bearer.param("resource_metadata"));
    }

    @Test
    void bareSchemeAndEmptyValues() {
        assertEquals(List.of(new Challenge("Bearer", Map.of())), WwwAuthenticate.parse(List.of("Bearer")));
        assertTrue(WwwAuthenticate.parse(List.of("")).isEmpty());
        assertEquals(Optional.empty(), WwwAuthenticate.parse(List.of("Bearer scope=\"\"")).get(0).param("scope"));
    }

    @Test
    void firstOccurrenceOfARepeatedParameterWins() {
        Challenge bearer = WwwAuthenticate.parse(List.of(
                "Bearer resource_metadata=\"https://a.example/prm\", resource_metadata=\"https://b.example/prm\""))
                .get(0);
        assertEquals(Optional.of("https://a.example/prm"), bearer.param("resource_metadata"));
    }
}
