package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A named argument's {@code name} is the flag alone ({@code --port}), not a flag with an embedded value or
 * description ({@code --port 8080}, {@code --dir <path>}, {@code --key $KEY}).
 */
public final class NamedArgumentNameRule implements SemanticRule {

    public static final String ID = "argument-name-invalid";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Arguments.Located argument : Arguments.all(doc)) {
            if (!Arguments.isNamed(argument.node())) {
                continue;
            }
            Nodes.text(argument.node(), "name").ifPresent(name -> {
                if (name.matches(".*[\\s<>$].*")) {
                    findings.error(ID, argument.path() + "/name", "a named argument's name is the flag only "
                            + "(e.g. --port); put the value in value, default or variables");
                }
            });
        }
    }
}
