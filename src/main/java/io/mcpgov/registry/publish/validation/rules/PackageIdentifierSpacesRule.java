package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;

/** A package identifier (a package name or a download URL) contains no spaces. */
public final class PackageIdentifierSpacesRule implements SemanticRule {

    public static final String ID = "package-identifier-spaces";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Nodes.Indexed pkg : Nodes.objects(doc, "packages")) {
            Nodes.text(pkg.node(), "identifier").ifPresent(identifier -> {
                if (identifier.contains(" ")) {
                    findings.error(ID, Pointers.of("packages", pkg.index(), "identifier"),
                            "package identifier must not contain spaces");
                }
            });
        }
    }
}
