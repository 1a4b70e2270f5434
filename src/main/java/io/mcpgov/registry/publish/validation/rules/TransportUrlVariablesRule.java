package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every {@code {variable}} in a transport URL can be filled in: for a remote, from its {@code variables}; for a
 * package, from an environment variable name or an argument's name or valueHint.
 */
public final class TransportUrlVariablesRule implements SemanticRule {

    public static final String ID = "transport-url-variable-undefined";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Nodes.Indexed remote : Nodes.objects(doc, "remotes")) {
            Set<String> defined = new HashSet<>();
            Nodes.object(remote.node(), "variables").ifPresent(vars -> vars.fieldNames().forEachRemaining(defined::add));
            checkUrl(remote.node(), defined, Pointers.of("remotes", remote.index(), "url"), "variables", findings);
        }
        for (Nodes.Indexed pkg : Nodes.objects(doc, "packages")) {
            Nodes.object(pkg.node(), "transport").ifPresent(transport -> checkUrl(transport, packageNames(pkg.node()),
                    Pointers.of("packages", pkg.index(), "transport", "url"),
                    "environmentVariables, or an argument's name or valueHint", findings));
        }
    }

    private static void checkUrl(JsonNode transport, Set<String> defined, String path, String where, Findings findings) {
        Nodes.text(transport, "url").ifPresent(url -> {
            for (String variable : TemplateUrls.variables(url)) {
                if (!defined.contains(variable)) {
                    findings.error(ID, path, "url uses {" + variable + "}, which is not defined in " + where);
                }
            }
        });
    }

    private static Set<String> packageNames(JsonNode pkg) {
        Set<String> names = new HashSet<>();
        for (Nodes.Indexed env : Nodes.objects(pkg, "environmentVariables")) {
            Nodes.text(env.node(), "name").ifPresent(names::add);
        }
        for (String list : List.of("runtimeArguments", "packageArguments")) {
            for (Nodes.Indexed argument : Nodes.objects(pkg, list)) {
                Nodes.text(argument.node(), "name").ifPresent(names::add);
                Nodes.text(argument.node(), "valueHint").ifPresent(names::add);
            }
        }
        return names;
    }
}
