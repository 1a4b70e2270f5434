package io.mcpgov.registry.publish.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.publish.validation.rules.Findings;
import io.mcpgov.registry.publish.validation.rules.GovernanceDeclarationRule;
import io.mcpgov.registry.publish.validation.rules.GovernanceOauthHttpsRule;
import io.mcpgov.registry.publish.validation.rules.GovernanceOauthRemoteRule;
import io.mcpgov.registry.publish.validation.rules.IconSrcHttpsRule;
import io.mcpgov.registry.publish.validation.rules.JsonSchemaCheck;
import io.mcpgov.registry.publish.validation.rules.KnownSchemas;
import io.mcpgov.registry.publish.validation.rules.NameFormatRule;
import io.mcpgov.registry.publish.validation.rules.NamedArgumentNameRule;
import io.mcpgov.registry.publish.validation.rules.NamedArgumentValueRule;
import io.mcpgov.registry.publish.validation.rules.PackageIdentifierSpacesRule;
import io.mcpgov.registry.publish.validation.rules.PublisherMetaSizeRule;
import io.mcpgov.registry.publish.validation.rules.RemoteUrlHttpsRule;
import io.mcpgov.registry.publish.validation.rules.RemoteUrlLocalhostRule;
import io.mcpgov.registry.publish.validation.rules.RepositoryEmptyRule;
import io.mcpgov.registry.publish.validation.rules.RepositorySubfolderRule;
import io.mcpgov.registry.publish.validation.rules.RepositoryUrlRule;
import io.mcpgov.registry.publish.validation.rules.SchemaUriRule;
import io.mcpgov.registry.publish.validation.rules.SemanticRule;
import io.mcpgov.registry.publish.validation.rules.StdioTransportUrlRule;
import io.mcpgov.registry.publish.validation.rules.TitleBlankRule;
import io.mcpgov.registry.publish.validation.rules.TransportUrlVariablesRule;
import io.mcpgov.registry.publish.validation.rules.VersionBlankRule;
import io.mcpgov.registry.publish.validation.rules.VersionLatestReservedRule;
import io.mcpgov.registry.publish.validation.rules.VersionRangeRule;
import io.mcpgov.registry.publish.validation.rules.WebsiteUrlHttpsRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a parsed server.json the way the official registry does on publish, plus the registry's governance
 * declaration, and reports every problem at once: JSON Schema violations ({@code schema-<keyword>}), then the
 * semantic rules, each with its own rule id. Thread-safe; the schemas are loaded once per class.
 */
public class ServerJsonValidator {

    private static final JsonSchemaCheck SERVER_SCHEMA = new JsonSchemaCheck(JsonSchemaCheck.SERVER_SCHEMA, "schema");
    private static final JsonSchemaCheck GOVERNANCE_SCHEMA =
            new JsonSchemaCheck(JsonSchemaCheck.GOVERNANCE_SCHEMA, GovernanceDeclarationRule.PREFIX);

    private final List<SemanticRule> rules;

    public ServerJsonValidator(ValidationSettings settings) {
        this.rules = List.of(
                new SchemaUriRule(),
                new NameFormatRule(),
                new VersionBlankRule(),
                new VersionLatestReservedRule(),
                new VersionRangeRule(),
                new TitleBlankRule(),
                new WebsiteUrlHttpsRule(),
                new IconSrcHttpsRule(),
                new RepositoryUrlRule(),
                new RepositoryEmptyRule(),
                new RepositorySubfolderRule(),
                new RemoteUrlHttpsRule(settings.allowHttpLoopback()),
                new RemoteUrlLocalhostRule(settings.allowHttpLoopback()),
                new GovernanceOauthHttpsRule(settings.allowHttpLoopback()),
                new TransportUrlVariablesRule(),
                new StdioTransportUrlRule(),
                new PackageIdentifierSpacesRule(),
                new NamedArgumentNameRule(),
                new NamedArgumentValueRule(),
                new PublisherMetaSizeRule(),
                new GovernanceDeclarationRule(GOVERNANCE_SCHEMA),
                new GovernanceOauthRemoteRule());
    }

    public ValidationReport validate(JsonNode doc) {
        List<Violation> errors = new ArrayList<>(SERVER_SCHEMA.check(doc, ""));
        Findings findings = new Findings();
        if (doc != null && doc.isObject()) {
            for (SemanticRule rule : rules) {
                rule.check(doc, findings);
            }
        }
        errors.addAll(findings.errors());
        return new ValidationReport(errors, findings.warnings());
    }

    /** The {@code $schema} URLs a document may name: the current one first, then deprecated ones. */
    public List<String> knownSchemas() {
        return KnownSchemas.ALL;
    }
}
