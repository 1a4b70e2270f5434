package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthClassifier;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.classification.scan.SecretScanner;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.publish.validation.ServerJsonValidator;
import io.mcpgov.registry.publish.validation.ValidationReport;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check a server.json passes before it is stored, whichever way it arrives (publish, validate, import): the
 * schema and official rules, the secret scan, the auth classification and the features' own refusals.
 */
@ApplicationScoped
public class DocumentChecks {

    private final ServerJsonValidator validator;
    private final SecretScanner secrets;
    private final AuthClassifier classifier;
    private final List<PublishCheck> featureChecks;

    DocumentChecks(ServerJsonValidator validator, SecretScanner secrets, AuthClassifier classifier,
            @All List<PublishCheck> featureChecks) {
        this.validator = validator;
        this.secrets = secrets;
        this.classifier = classifier;
        this.featureChecks = featureChecks;
    }

    public Checked check(JsonNode document) {
        ValidationReport report = validator.validate(document);
        List<Violation> errors = new ArrayList<>(report.errors());
        errors.addAll(secrets.scan(document));
        AuthProfile profile = null;
        if (errors.isEmpty()) {
            profile = classifier.classify(document);
            for (PublishCheck featureCheck : featureChecks) {
                errors.addAll(featureCheck.check(document, profile));
            }
        }
        return new Checked(errors, report.warnings(), profile);
    }

    /** @param profile null when there are errors */
    public record Checked(List<Violation> errors, List<Violation> warnings, AuthProfile profile) {
        public boolean passed() {
            return errors.isEmpty();
        }
    }
}
