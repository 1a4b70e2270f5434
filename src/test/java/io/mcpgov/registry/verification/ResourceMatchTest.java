package io.mcpgov.registry.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceMatchTest {

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
            "https://mcp.example.com/mcp, https://mcp.example.com/mcp, IDENTICAL",
            "https://MCP.example.com:443/mcp, https://mcp.example.com/mcp, EQUIVALENT",
            "https://mcp.example.com, https://mcp.example.com/, EQUIVALENT",
            "https://mcp.example.com/, https://mcp.example.com/mcp, PATH_PREFIX",
            "https://mcp.example.com/api, https://mcp.example.com/api/mcp, PATH_PREFIX",
            "https://mcp.example.com/api, https://mcp.example.com/apiary/mcp, DIFFERENT",
            "https://mcp.example.com/mcp, https://other.example.com/mcp, DIFFERENT",
            "http://mcp.example.com/mcp, https://mcp.example.com/mcp, DIFFERENT",
            "https://mcp.example.com:8443/mcp, https://mcp.example.com/mcp, DIFFERENT",
            "https://mcp.example.com/other, https://mcp.example.com/mcp, DIFFERENT",
            "https://mcp.example.com/mcp?a=1, https://mcp.example.com/mcp, DIFFERENT",
            "not a url, https://mcp.example.com/mcp, DIFFERENT",
    })
    void classifies(String resource, String endpoint, ResourceMatch expected) {
        assertEquals(expected, ResourceMatch.of(resource, endpoint));
    }

    @org.junit.jupiter.api.Test
    void sameTreatsNullsStrictly() {
        assertTrue(ResourceMatch.same(null, null));
        assertFalse(ResourceMatch.same("https://a.example", null));
        assertTrue(ResourceMatch.same("https://a.example", "https://A.example/"));
    }
}
