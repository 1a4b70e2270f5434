package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A named argument's {@code value} or {@code default} does not repeat the flag: clients add it themselves. */
public final class NamedArgumentValueRule implements SemanticRule {

    public static final String ID = "argument-value-repeats-name";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Arguments.Located argument : Arguments.all(doc)) {
            if (!Arguments.isNamed(argument.node())) {
                continue;
            }
            String name = Nodes.text(argument.node(), "name").orElse("");
            if (name.isEmpty()) {
                continue;
            }
            for (String field : List.of("value", "default")) {
                Nodes.text(argument.node(), field).ifPresent(value -> {
                    if (value.startsWith(name)) {
                        findings.error(ID, argument.path() + "/" + field, field + " must not start with the "
                                + "argument name; clients pass the name themselves");
                    }
                });
            }
        }
    }
}
