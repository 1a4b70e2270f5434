package io.mcpgov.registry.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Scope plans and their inverse, from a version's tools and its OAuth declaration. Pure. */
public final class ScopePlanner {

    /** The version declares no tool of that name. */
    public static final String UNKNOWN = "tool-unknown";
    /** The tool is unavailable: destructive and not approved, or its review was rejected or revoked. */
    public static final String NOT_APPROVED = "tool-not-approved";
    /** The tool names no scope (the server declares no OAuth), so no token can be scoped to it. */
    public static final String NO_SCOPE = "tool-no-scope";

    private ScopePlanner() {
    }

    /** @param oauth null when the server declares no OAuth */
    public static ScopePlan plan(String server, String version, OAuthTarget oauth, List<ToolEntitlement> tools,
            List<String> requested) {
        Map<String, ToolEntitlement> byName = byName(tools);
        List<ScopePlan.PlannedTool> planned = new ArrayList<>();
        List<ScopePlan.Refusal> refusals = new ArrayList<>();
        TreeSet<String> scopes = new TreeSet<>();
        for (String name : new LinkedHashSet<>(requested)) {
            ToolEntitlement tool = byName.get(name);
            if (tool == null) {
                refusals.add(new ScopePlan.Refusal(name, UNKNOWN, "this version declares no tool of that name"));
            } else if (!tool.available()) {
                refusals.add(new ScopePlan.Refusal(name, NOT_APPROVED, tool.destructive()
                        ? "a destructive tool is unavailable until a reviewer approves it; its approval is " + tool.approval()
                        : "a reviewer " + tool.approval() + " this tool"));
            } else if (tool.scopes().isEmpty() || oauth == null) {
                refusals.add(new ScopePlan.Refusal(name, NO_SCOPE,
                        "the tool names no scope, so no token can be limited to it"));
            } else {
                planned.add(new ScopePlan.PlannedTool(tool.name(), tool.classification(), tool.scopes()));
                scopes.addAll(tool.scopes());
            }
        }
        List<String> required = oauth == null ? List.of() : oauth.scopesRequired();
        if (!planned.isEmpty()) {
            scopes.addAll(required);
        }
        return new ScopePlan(server, version, List.copyOf(scopes), oauth == null ? null : oauth.resource(),
                oauth == null ? null : oauth.authorizationServers(),
                oauth == null ? null : oauth.protectedResourceMetadata(), required, planned, refusals,
                refusals.isEmpty());
    }

    /** @param oauth null when the server declares no OAuth (then no scope unlocks anything) */
    public static ScopeUnlock unlock(String server, String version, OAuthTarget oauth, List<ToolEntitlement> tools,
            List<String> scopes) {
        Set<String> granted = new LinkedHashSet<>(scopes);
        List<String> supported = oauth == null ? List.of() : oauth.scopesSupported();
        List<String> unknown = granted.stream().filter(s -> !supported.contains(s)).toList();
        List<String> missing = oauth == null ? List.of()
                : oauth.scopesRequired().stream().filter(s -> !granted.contains(s)).toList();
        List<ScopeUnlock.UnlockedTool> unlocked = new ArrayList<>();
        if (oauth != null && missing.isEmpty()) {
            for (ToolEntitlement tool : tools) {
                if (!tool.scopes().isEmpty() && granted.containsAll(tool.scopes())) {
                    unlocked.add(new ScopeUnlock.UnlockedTool(tool.name(), tool.classification(), tool.scopes(),
                            tool.approval(), tool.available()));
                }
            }
        }
        return new ScopeUnlock(server, version, List.copyOf(granted), missing, unknown, unlocked);
    }

    private static Map<String, ToolEntitlement> byName(List<ToolEntitlement> tools) {
        Map<String, ToolEntitlement> byName = new LinkedHashMap<>();
        tools.forEach(tool -> byName.putIfAbsent(tool.name(), tool));
        return byName;
    }
}
