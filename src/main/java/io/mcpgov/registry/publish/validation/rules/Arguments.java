package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;
import java.util.ArrayList;
import java.util.List;

/** The runtime and package arguments of every package, with their pointers. */
final class Arguments {

    record Located(String path, JsonNode node) {
    }

    private Arguments() {
    }

    static List<Located> all(JsonNode doc) {
        List<Located> arguments = new ArrayList<>();
        for (Nodes.Indexed pkg : Nodes.objects(doc, "packages")) {
            for (String list : List.of("runtimeArguments", "packageArguments")) {
                for (Nodes.Indexed argument : Nodes.objects(pkg.node(), list)) {
                    arguments.add(new Located(Pointers.of("packages", pkg.index(), list, argument.index()),
                            argument.node()));
                }
            }
        }
        return arguments;
    }

    static boolean isNamed(JsonNode argument) {
        return "named".equals(argument.path("type").asText(null));
    }
}
