package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.classification.ToolClassification;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopePlannerTest {

    private static final OAuthTarget OAUTH = new OAuthTarget("https://w.example.com/mcp",
            "https://w.example.com/.well-known/oauth-protected-resource/mcp", List.of("https://login.example.com"),
            List.of("base", "w.read", "w.write", "w.delete", "w.extra"), List.of("base"));

    private static ToolEntitlement tool(String name, ToolClassification c, String approval, boolean available, String... scopes) {
        return new ToolEntitlement(name, null, c.wire(), false, true, List.of(scopes), "h-" + name, null, approval,
                available, null, null);
    }

    private static final List<ToolEntitlement> TOOLS = List.of(
            tool("get", ToolClassification.READ_ONLY, "not-required", true, "w.read"),
            tool("list", ToolClassification.READ_ONLY, "not-required", true, "w.read"),
            tool("put", ToolClassification.WRITE, "not-required", true, "w.write", "w.extra"),
            tool("wipe", ToolClassification.DESTRUCTIVE, "pending", false, "w.delete"),
            tool("purge", ToolClassification.DESTRUCTIVE, "approved", true, "w.delete"),
            tool("flagged", ToolClassification.WRITE, "rejected", false, "w.write"));

    @Test
    void planIsTheUnionOfTheToolsScopesAndTheServersRequiredScopes() {
        ScopePlan plan = ScopePlanner.plan("s", "1", OAUTH, TOOLS, List.of("get", "list", "get"));
        assertThat(plan.scopes()).containsExactly("base", "w.read");
        assertThat(plan.complete()).isTrue();
        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.tools()).extracting(ScopePlan.PlannedTool::name).containsExactly("get", "list");
        assertThat(plan.resource()).isEqualTo("https://w.example.com/mcp");
        assertThat(plan.authorizationServers()).containsExactly("https://login.example.com");
        assertThat(plan.protectedResourceMetadata()).endsWith("/mcp");
        assertThat(plan.requiredByServer()).containsExactly("base");
    }

    @Test
    void aWriteToolAddsOnlyItsOwnScopes() {
        ScopePlan plan = ScopePlanner.plan("s", "1", OAUTH, TOOLS, List.of("put"));
        assertThat(plan.scopes()).containsExactly("base", "w.extra", "w.write");
    }

    @Test
    void approvedDestructiveToolsArePlanned() {
        assertThat(ScopePlanner.plan("s", "1", OAUTH, TOOLS, List.of("purge")).scopes()).containsExactly("base", "w.delete");
    }

    @Test
    void unknownUnapprovedAndRejectedToolsAreRefusedWithReasons() {
        ScopePlan plan = ScopePlanner.plan("s", "1", OAUTH, TOOLS, List.of("get", "nope", "wipe", "flagged"));
        assertThat(plan.complete()).isFalse();
        assertThat(plan.scopes()).containsExactly("base", "w.read");
        assertThat(plan.refusals()).extracting(ScopePlan.Refusal::tool, ScopePlan.Refusal::ruleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nope", ScopePlanner.UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("wipe", ScopePlanner.NOT_APPROVED),
                org.assertj.core.groups.Tuple.tuple("flagged", ScopePlanner.NOT_APPROVED));
        assertThat(plan.refusals().get(1).message()).contains("destructive").contains("pending");
        assertThat(plan.refusals().get(2).message()).contains("rejected");
    }

    @Test
    void whenEveryToolIsRefusedNoScopeIsPlanned() {
        ScopePlan plan = ScopePlanner.plan("s", "1", OAUTH, TOOLS, List.of("wipe"));
        assertThat(plan.scopes()).isEmpty();
        assertThat(plan.tools()).isEmpty();
    }

    @Test
    void aToolWithoutScopeIsRefused() {
        List<ToolEntitlement> tools = List.of(tool("free", ToolClassification.WRITE, "not-required", true));
        ScopePlan plan = ScopePlanner.plan("s", "1", null, tools, List.of("free"));
        assertThat(plan.refusals()).extracting(ScopePlan.Refusal::ruleId).containsExactly(ScopePlanner.NO_SCOPE);
        assertThat(plan.resource()).isNull();
        assertThat(plan.scopes()).isEmpty();
    }

    @Test
    void scopesUnlockTheToolsAllOfWhoseScopesTheyCover() {
        ScopeUnlock u = ScopePlanner.unlock("s", "1", OAUTH, TOOLS, List.of("base", "w.read", "w.write", "w.delete", "bogus"));
        assertThat(u.unlocked()).extracting(ScopeUnlock.UnlockedTool::name)
                .containsExactly("get", "list", "wipe", "purge", "flagged");
        assertThat(u.unlocked()).filteredOn(t -> t.name().equals("wipe")).singleElement()
                .satisfies(t -> assertThat(t.available()).isFalse());
        assertThat(u.unknownScopes()).containsExactly("bogus");
        assertThat(u.missingRequiredScopes()).isEmpty();
    }

    @Test
    void withoutTheServersRequiredScopesNothingIsUnlocked() {
        ScopeUnlock u = ScopePlanner.unlock("s", "1", OAUTH, TOOLS, List.of("w.read"));
        assertThat(u.missingRequiredScopes()).containsExactly("base");
        assertThat(u.unlocked()).isEmpty();
    }

    @Test
    void readScopesDoNotUnlockWriting() {
        ScopeUnlock u = ScopePlanner.unlock("s", "1", OAUTH, TOOLS, List.of("base", "w.read", "w.write"));
        assertThat(u.unlocked()).extracting(ScopeUnlock.UnlockedTool::name).containsExactly("get", "list", "flagged");
    }
}
