package io.mcpgov.registry.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.tool.Classification;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every widening rule: a change that triggers it, and a change that does not. */
class WideningTest {

    private static final String REMOTE = "https://weather.example.com/mcp";
    private static final String OTHER_REMOTE = "https://alerts.example.com/mcp";
    private static final String PACKAGE = "npm:@acme/weather";
    private static final String OTHER_PACKAGE = "pypi:acme-alerts";

    /** A version that agents reach through one OAuth remote, one package without a secret, two scopes, two tools. */
    private static Reach baseline() {
        return new Reach(Map.of(REMOTE, "oauth2"), Map.of(PACKAGE, "none"), Set.of("weather.read", "weather.write"),
                Map.of("get_forecast", Classification.READ_ONLY, "set_alert", Classification.WRITE));
    }

    private static Reach with(Map<String, String> remotes, Map<String, String> packages, Set<String> scopes,
            Map<String, Classification> tools) {
        return new Reach(remotes, packages, scopes, tools);
    }

    private static <K, V> Map<K, V> plus(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <K, V> Map<K, V> minus(Map<K, V> map, K key) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static List<String> rules(Reach before, Reach after) {
        return Widening.between(before, after).stream().map(f -> f.get("rule").asText()).toList();
    }

    @Test
    void theSameReachWidensNothing() {
        assertThat(Widening.between(baseline(), baseline())).isEmpty();
    }

    @Test
    void newServerWhenNothingWasAdmittedBefore() {
        List<JsonNode> found = Widening.between(null, baseline());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("new-server");
        assertThat(found.get(0).get("subject").asText()).isEmpty();
    }

    @Test
    void newServerNotOnceAVersionWasAdmitted() {
        Reach narrower = with(Map.of(), Map.of(), Set.of(), Map.of());
        assertThat(rules(baseline(), narrower)).doesNotContain("new-server").isEmpty();
    }

    @Test
    void remoteAddedForANewRemote() {
        Reach b = baseline();
        List<JsonNode> found = Widening.between(b, with(plus(b.remotes(), OTHER_REMOTE, "none"), b.packages(),
                b.scopes(), b.tools()));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("remote-added");
        assertThat(found.get(0).get("subject").asText()).isEqualTo(OTHER_REMOTE);
        assertThat(found.get(0).get("detail").asText()).contains("none");
    }

    @Test
    void remoteAddedNotForARemovedOrUnchangedRemote() {
        Reach b = baseline();
        assertThat(rules(b, with(minus(b.remotes(), REMOTE), b.packages(), b.scopes(), b.tools())))
                .doesNotContain("remote-added").isEmpty();
    }

    @Test
    void authChangedWhenARemoteAuthenticatesAnotherWay() {
        Reach b = baseline();
        List<JsonNode> found = Widening.between(b, with(Map.of(REMOTE, "none"), b.packages(), b.scopes(), b.tools()));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("auth-changed");
        assertThat(found.get(0).get("subject").asText()).isEqualTo(REMOTE);
        assertThat(found.get(0).get("detail").asText()).contains("oauth2").contains("none");
    }

    @Test
    void authChangedNotWhenARemoteKeepsItsAuth() {
        Reach b = baseline();
        assertThat(rules(b, with(Map.of(REMOTE, "oauth2"), b.packages(), b.scopes(), b.tools())))
                .doesNotContain("auth-changed");
    }

    @Test
    void packageAddedForANewPackage() {
        Reach b = baseline();
        List<JsonNode> found = Widening.between(b, with(b.remotes(), plus(b.packages(), OTHER_PACKAGE, "api-key"),
                b.scopes(), b.tools()));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("package-added");
        assertThat(found.get(0).get("subject").asText()).isEqualTo(OTHER_PACKAGE);
    }

    @Test
    void packageAddedNotForARemovedPackage() {
        Reach b = baseline();
        assertThat(rules(b, with(b.remotes(), Map.of(), b.scopes(), b.tools()))).doesNotContain("package-added")
                .isEmpty();
    }

    @Test
    void packageAuthChangedWhenAPackageNowNeedsASecret() {
        Reach b = baseline();
        List<JsonNode> found = Widening.between(b, with(b.remotes(), Map.of(PACKAGE, "api-key"), b.scopes(),
                b.tools()));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("package-auth-changed");
        assertThat(found.get(0).get("subject").asText()).isEqualTo(PACKAGE);
        assertThat(found.get(0).get("detail").asText()).contains("none").contains("api-key");
    }

    @Test
    void packageAuthChangedNotWhenAPackageKeepsItsAuth() {
        Reach b = baseline();
        assertThat(rules(b, with(b.remotes(), Map.of(PACKAGE, "none"), b.scopes(), b.tools())))
                .doesNotContain("package-auth-changed");
    }

    @Test
    void scopeAddedForEachNewScope() {
        Reach b = baseline();
        Set<String> scopes = new LinkedHashSet<>(b.scopes());
        scopes.add("weather.admin");
        List<JsonNode> found = Widening.between(b, with(b.remotes(), b.packages(), scopes, b.tools()));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("scope-added");
        assertThat(found.get(0).get("subject").asText()).isEqualTo("weather.admin");
    }

    @Test
    void scopeAddedNotForFewerScopes() {
        Reach b = baseline();
        assertThat(rules(b, with(b.remotes(), b.packages(), Set.of("weather.read"), b.tools())))
                .doesNotContain("scope-added").isEmpty();
    }

    @Test
    void toolAddedForANewTool() {
        Reach b = baseline();
        List<JsonNode> found = Widening.between(b, with(b.remotes(), b.packages(), b.scopes(),
                plus(b.tools(), "list_alerts", Classification.READ_ONLY)));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("tool-added");
        assertThat(found.get(0).get("subject").asText()).isEqualTo("list_alerts");
    }

    @Test
    void toolAddedNotForARemovedTool() {
        Reach b = baseline();
        assertThat(rules(b, with(b.remotes(), b.packages(), b.scopes(), minus(b.tools(), "set_alert"))))
                .doesNotContain("tool-added").isEmpty();
    }

    @Test
    void toolMoreDangerousWhenAToolGainsDanger() {
        Reach b = baseline();
        List<JsonNode> found = Widening.between(b, with(b.remotes(), b.packages(), b.scopes(),
                plus(b.tools(), "get_forecast", Classification.DESTRUCTIVE)));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asText()).isEqualTo("tool-more-dangerous");
        assertThat(found.get(0).get("subject").asText()).isEqualTo("get_forecast");
        assertThat(found.get(0).get("detail").asText()).contains("read-only").contains("destructive");
    }

    @Test
    void toolMoreDangerousNotWhenAToolLosesDanger() {
        Reach b = baseline();
        assertThat(rules(b, with(b.remotes(), b.packages(), b.scopes(),
                plus(b.tools(), "set_alert", Classification.READ_ONLY)))).doesNotContain("tool-more-dangerous")
                .isEmpty();
    }

    @Test
    void everyWideningIsReportedAtOnce() {
        Reach b = baseline();
        Set<String> scopes = new LinkedHashSet<>(b.scopes());
        scopes.add("weather.admin");
        Reach wider = with(plus(Map.of(REMOTE, "none"), OTHER_REMOTE, "oauth2"),
                plus(Map.of(PACKAGE, "api-key"), OTHER_PACKAGE, "none"), scopes,
                plus(plus(b.tools(), "get_forecast", Classification.WRITE), "purge", Classification.DESTRUCTIVE));
        assertThat(rules(b, wider)).containsExactlyInAnyOrder("auth-changed", "remote-added", "package-auth-changed",
                "package-added", "scope-added", "tool-more-dangerous", "tool-added");
    }
}
