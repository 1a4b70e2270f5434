package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.GovernanceMeta;
import io.mcpgov.registry.common.Violation;

/**
 * The governance declaration, when present, matches governance.schema.json (rule ids {@code governance-<keyword>},
 * e.g. {@code governance-required}); a second declaration under publisher-provided that the direct one hides is
 * reported as {@code governance-shadowed}.
 */
public final class GovernanceDeclarationRule implements SemanticRule {

    public static final String PREFIX = "governance";
    public static final String SHADOWED = "governance-shadowed";

    private final JsonSchemaCheck schema;

    public GovernanceDeclarationRule(JsonSchemaCheck schema) {
        this.schema = schema;
    }

    @Override
    public void check(JsonNode doc, Findings findings) {
        GovernanceMeta.locate(doc).ifPresent(declaration -> {
            for (Violation violation : schema.check(declaration.node(), declaration.path())) {
                findings.error(violation.ruleId(), violation.path(), violation.message());
            }
            if (declaration.shadowsPublisherProvided()) {
                findings.warning(SHADOWED, declaration.path(), "a governance declaration is also present under "
                        + GovernanceMeta.PUBLISHER_PROVIDED + "; only this one is used");
            }
        });
    }
}
