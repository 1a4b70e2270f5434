package io.mcpgov.registry.tool;

import io.mcpgov.registry.classification.DeclaredTool;
import io.mcpgov.registry.classification.OAuthDeclaration;
import io.mcpgov.registry.classification.ToolDeclaration;
import io.mcpgov.registry.common.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tool rules, each with a stable id (documented in docs/governance.md). Refusals make publish and validate answer 422;
 * findings are stored with the tool and put it in the reviewers' queue.
 */
public final class ToolRules {

    /** A tool name that is not 1 to 128 characters of {@code A-Z a-z 0-9 _ - .} (MCP tool naming). */
    public static final String NAME_INVALID = "tool-name-invalid";
    /** Two tools of one server with the same name. */
    public static final String NAME_DUPLICATE = "tool-name-duplicate";
    /** A tool that is not read-only names a scope that a read-only tool of the same server also names. */
    public static final String SCOPE_SHARED = "tool-scope-shared";
    /** A tool of a server that declares OAuth names no scope. */
    public static final String SCOPE_MISSING = "tool-scope-missing";
    /** A tool names a scope the server's OAuth declaration does not list in {@code scopesSupported}. */
    public static final String SCOPE_UNSUPPORTED = "tool-scope-unsupported";
    /** More tools than {@code registry.tools.max-tools-per-version}. */
    public static final String COUNT_EXCEEDED = "tool-count-exceeded";
    /** Finding: a tool names an omnibus scope ({@code registry.tools.omnibus-scopes}); flagged for review. */
    public static final String SCOPE_OMNIBUS = "tool-scope-omnibus";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    /** A finding about one tool: flagged for a reviewer, not refused. */
    public record Finding(String ruleId, String message) {
    }

    private ToolRules() {
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Every refusal of a declaration, all at once.
     *
     * @param oauth the server's OAuth declaration, null when it declares none
     */
    public static List<Violation> refusals(ToolDeclaration declaration, OAuthDeclaration oauth, int maxTools) {
        List<Violation> errors = new ArrayList<>();
        List<DeclaredTool> tools = declaration.tools();
        if (tools.size() > maxTools) {
            errors.add(new Violation(COUNT_EXCEEDED, declaration.path(),
                    "a server may declare at most " + maxTools + " tools; this one declares " + tools.size()));
        }
        Map<String, DeclaredTool> byName = new HashMap<>();
        for (DeclaredTool tool : tools) {
            if (!validName(tool.name())) {
                errors.add(new Violation(NAME_INVALID, declaration.pathOf(tool, "name"),
                        "a tool name is 1 to 128 characters of A-Z, a-z, 0-9, underscore, hyphen and dot"));
            } else {
                DeclaredTool first = byName.putIfAbsent(tool.name(), tool);
                if (first != null) {
                    errors.add(new Violation(NAME_DUPLICATE, declaration.pathOf(tool, "name"),
                            "tool '" + tool.name() + "' is already declared at index " + first.index()));
                }
            }
        }
        errors.addAll(sharedScopes(declaration));
        errors.addAll(scopesAgainstOauth(declaration, oauth));
        return errors;
    }

    /** Read-only and other tools may not share a scope: a token for reading must never also allow writing. */
    static List<Violation> sharedScopes(ToolDeclaration declaration) {
        Map<String, DeclaredTool> readOnlyByScope = new LinkedHashMap<>();
        for (DeclaredTool tool : declaration.tools()) {
            if (tool.readOnly()) {
                tool.scopes().forEach(scope -> readOnlyByScope.putIfAbsent(scope, tool));
            }
        }
        List<Violation> errors = new ArrayList<>();
        for (DeclaredTool tool : declaration.tools()) {
            if (tool.readOnly()) {
                continue;
            }
            for (int i = 0; i < tool.scopes().size(); i++) {
                DeclaredTool reader = readOnlyByScope.get(tool.scopes().get(i));
                if (reader != null) {
                    errors.add(new Violation(SCOPE_SHARED, declaration.pathOf(tool, "scopes", i),
                            "scope '" + tool.scopes().get(i) + "' of " + tool.classification().wire() + " tool '"
                                    + tool.name() + "' is also a scope of read-only tool '" + reader.name()
                                    + "'; give writing its own scope"));
                }
            }
        }
        return errors;
    }

    static List<Violation> scopesAgainstOauth(ToolDeclaration declaration, OAuthDeclaration oauth) {
        List<Violation> errors = new ArrayList<>();
        Set<String> supported = oauth == null || oauth.scopesSupported() == null ? Set.of() : Set.copyOf(oauth.scopesSupported());
        for (DeclaredTool tool : declaration.tools()) {
            if (oauth != null && tool.scopes().isEmpty()) {
                errors.add(new Violation(SCOPE_MISSING, declaration.pathOf(tool),
                        "tool '" + tool.name() + "' of a server that declares OAuth must name the scopes it needs"));
            }
            for (int i = 0; i < tool.scopes().size(); i++) {
                String scope = tool.scopes().get(i);
                if (!supported.contains(scope)) {
                    String why = oauth == null ? "the server declares no OAuth (auth.oauth2), so it supports no scope"
                            : oauth.scopesSupported() == null ? "the OAuth declaration lists no scopesSupported"
                            : "it is not among auth.oauth2.scopesSupported";
                    errors.add(new Violation(SCOPE_UNSUPPORTED, declaration.pathOf(tool, "scopes", i),
                            "scope '" + scope + "' of tool '" + tool.name() + "': " + why));
                }
            }
        }
        return errors;
    }

    /** What a reviewer should look at for one tool (never a refusal). */
    public static List<Finding> findings(DeclaredTool tool, OmnibusScopes omnibus) {
        List<Finding> findings = new ArrayList<>();
        List<String> broad = tool.scopes().stream().filter(omnibus::matches).toList();
        if (!broad.isEmpty()) {
            findings.add(new Finding(SCOPE_OMNIBUS, "scope " + String.join(", ", broad.stream().map(s -> "'" + s + "'").toList())
                    + " grants broad access; a reviewer should confirm this tool needs it"));
        }
        return findings;
    }
}
