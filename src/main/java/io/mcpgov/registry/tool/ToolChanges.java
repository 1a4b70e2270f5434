package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a version's tools differ from those of the version before it: tools added and removed, tools whose
 * classification became more (or less) dangerous, tools whose scopes changed, and every tool whose definition
 * changed at all (which is what makes a destructive tool need a new approval).
 */
public record ToolChanges(
        String previousVersion,
        List<String> added,
        List<String> removed,
        List<ClassificationChange> moreDangerous,
        List<ClassificationChange> lessDangerous,
        List<ScopeChange> scopesChanged,
        List<String> definitionChanged) {

    public record ClassificationChange(String name, String from, String to) {
    }

    public record ScopeChange(String name, List<String> added, List<String> removed) {
    }

    public static ToolChanges between(String previousVersion, List<ToolSnapshot> before, List<ToolSnapshot> after) {
        Map<String, ToolSnapshot> old = index(before);
        Map<String, ToolSnapshot> now = index(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<ClassificationChange> worse = new ArrayList<>();
        List<ClassificationChange> better = new ArrayList<>();
        List<ScopeChange> scopes = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (ToolSnapshot tool : now.values()) {
            ToolSnapshot was = old.get(tool.name());
            if (was == null) {
                added.add(tool.name());
                continue;
            }
            if (tool.classification().moreDangerousThan(was.classification())) {
                worse.add(new ClassificationChange(tool.name(), was.classification().wire(), tool.classification().wire()));
            } else if (was.classification().moreDangerousThan(tool.classification())) {
                better.add(new ClassificationChange(tool.name(), was.classification().wire(), tool.classification().wire()));
            }
            Set<String> plus = new LinkedHashSet<>(tool.scopes());
            was.scopes().forEach(plus::remove);
            Set<String> minus = new LinkedHashSet<>(was.scopes());
            tool.scopes().forEach(minus::remove);
            if (!plus.isEmpty() || !minus.isEmpty()) {
                scopes.add(new ScopeChange(tool.name(), List.copyOf(plus), List.copyOf(minus)));
            }
            if (!tool.definitionHash().equals(was.definitionHash())) {
                changed.add(tool.name());
            }
        }
        old.keySet().stream().filter(name -> !now.containsKey(name)).forEach(removed::add);
        return new ToolChanges(previousVersion, added, removed, worse, better, scopes, changed);
    }

    @JsonIgnore
    public boolean none() {
        return added.isEmpty() && removed.isEmpty() && moreDangerous.isEmpty() && lessDangerous.isEmpty()
                && scopesChanged.isEmpty() && definitionChanged.isEmpty();
    }

    private static Map<String, ToolSnapshot> index(List<ToolSnapshot> tools) {
        Map<String, ToolSnapshot> byName = new LinkedHashMap<>();
        tools.forEach(tool -> byName.putIfAbsent(tool.name(), tool));
        return byName;
    }
}
