package io.mcpgov.registry.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProtectedResourceChecksTest {

    private static final String ENDPOINT = "https://mcp.example.com/mcp";
    private final UrlRules production = new UrlRules(false);

    private static ObjectNode prm(String json) {
        return JsonDocuments.object(json).object();
    }

    private Map<String, CheckLevel> levels(ObjectNode prm) {
        return ProtectedResourceChecks.evaluate(prm, ENDPOINT, production).stream()
                .collect(Collectors.toMap(CheckResult::id, CheckResult::level));
    }

    @Test
    void aMinimalCorrectDocument() {
        Map<String, CheckLevel> levels = levels(prm("""
                {"resource":"https://mcp.example.com/mcp","authorization_servers":["https://as.example.com"],
                 "scopes_supported":["files:read"],"jwks_uri":"https://mcp.example.com/jwks"}"""));
        assertEquals(Map.of("P4", CheckLevel.PASS, "P5", CheckLevel.PASS, "P6", CheckLevel.PASS,
                "P7", CheckLevel.PASS, "P8", CheckLevel.PASS, "P10", CheckLevel.PASS, "P11", CheckLevel.PASS,
                "P12", CheckLevel.PASS, "P13", CheckLevel.PASS, "P14", CheckLevel.PASS), levels);
    }

    @Test
    void aQueryInTheResourceIsAWarningButAlsoNotIdentical() {
        Map<String, CheckLevel> levels = levels(prm("""
                {"resource":"https://mcp.example.com/mcp?v=1","authorization_servers":["https://as.example.com"]}"""));
        assertEquals(CheckLevel.WARN, levels.get("P5"));
        assertEquals(CheckLevel.FAIL, levels.get("P6"));
        assertEquals(CheckLevel.WARN, levels.get("P10"));
    }

    @Test
    void plainHttpIsOnlyAcceptedForLoopbackBehindTheSwitch() {
        ObjectNode doc = prm("""
                {"resource":"http://127.0.0.1:8080/mcp","authorization_servers":["http://localhost:9000/as"]}""");
        Map<String, CheckLevel> strict = ProtectedResourceChecks.evaluate(doc, "http://127.0.0.1:8080/mcp", production)
                .stream().collect(Collectors.toMap(CheckResult::id, CheckResult::level));
        Map<String, CheckLevel> development = ProtectedResourceChecks.evaluate(doc, "http://127.0.0.1:8080/mcp",
                new UrlRules(true)).stream().collect(Collectors.toMap(CheckResult::id, CheckResult::level));
        assertEquals(CheckLevel.FAIL, strict.get("P5"));
        assertEquals(CheckLevel.FAIL, strict.get("P8"));
        assertEquals(CheckLevel.PASS, development.get("P5"));
        assertEquals(CheckLevel.PASS, development.get("P8"));
        assertEquals(List.of(), ProtectedResourceChecks.usableIssuers(doc, production));
        assertEquals(List.of("http://localhost:9000/as"), ProtectedResourceChecks.usableIssuers(doc, new UrlRules(true)));
    }

    @Test
    void bearerMethodsWithoutHeaderAndNonStringIssuers() {
        Map<String, CheckLevel> levels = levels(prm("""
                {"resource":"https://mcp.example.com/mcp","authorization_servers":["https://as.example.com", 42],
                 "bearer_methods_supported":["body"]}"""));
        assertEquals(CheckLevel.WARN, levels.get("P9"));
        assertEquals(CheckLevel.FAIL, levels.get("P8"));
    }

    @Test
    void usableIssuersAreDistinctAndSkipBadOnes() {
        ObjectNode doc = prm("""
                {"authorization_servers":["https://a.example","https://a.example","https://b.example?x=1",
                 "https://c.example/t","ftp://d.example"]}""");
        assertEquals(List.of("https://a.example", "https://c.example/t"),
                ProtectedResourceChecks.usableIssuers(doc, production));
    }
}
