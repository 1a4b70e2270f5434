package io.mcpgov.registry.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.classification.ToolClassification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a version adds to what agents can reach compared with the last admitted one. Each finding has a stable id:
 * {@code new-server}, {@code remote-added}, {@code auth-changed}, {@code package-added}, {@code package-auth-changed},
 * {@code scope-added}, {@code tool-added}, {@code tool-more-dangerous}. Removals and narrowing are not findings.
 */
final class Widening {

    static final String NEW_SERVER = "new-server";

    private Widening() {
    }

    static List<JsonNode> between(Reach baseline, Reach next) {
        List<JsonNode> found = new ArrayList<>();
        if (baseline == null) {
            found.add(finding(NEW_SERVER, "", "the server has no admitted version yet"));
            return found;
        }
        compare(baseline.remotes(), next.remotes(), "remote-added", "auth-changed", "remote", found);
        compare(baseline.packages(), next.packages(), "package-added", "package-auth-changed", "package", found);
        for (String scope : next.scopes()) {
            if (!baseline.scopes().contains(scope)) {
                found.add(finding("scope-added", scope, "scope " + scope + " is new"));
            }
        }
        for (Map.Entry<String, ToolClassification> tool : next.tools().entrySet()) {
            ToolClassification before = baseline.tools().get(tool.getKey());
            if (before == null) {
                found.add(finding("tool-added", tool.getKey(), "tool " + tool.getKey() + " is new (" + tool.getValue().wire() + ")"));
            } else if (tool.getValue().moreDangerousThan(before)) {
                found.add(finding("tool-more-dangerous", tool.getKey(), "tool " + tool.getKey() + " went from "
                        + before.wire() + " to " + tool.getValue().wire()));
            }
        }
        return found;
    }

    private static void compare(Map<String, String> before, Map<String, String> after, String added, String changed,
            String what, List<JsonNode> found) {
        for (Map.Entry<String, String> way : after.entrySet()) {
            String previous = before.get(way.getKey());
            if (previous == null) {
                found.add(finding(added, way.getKey(), what + " " + way.getKey() + " is new (" + way.getValue() + ")"));
            } else if (!previous.equals(way.getValue())) {
                found.add(finding(changed, way.getKey(), what + " " + way.getKey() + " went from " + previous + " to "
                        + way.getValue()));
            }
        }
    }

    private static ObjectNode finding(String rule, String subject, String detail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("rule", rule);
        node.put("subject", subject);
        node.put("detail", detail);
        return node;
    }
}
