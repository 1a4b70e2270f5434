package io.mcpgov.registry.publish;

import io.mcpgov.registry.classification.AuthClassifier;
import io.mcpgov.registry.classification.scan.SecretScanner;
import io.mcpgov.registry.input.InputConfig;
import io.mcpgov.registry.publish.validation.DocumentParser;
import io.mcpgov.registry.publish.validation.ServerJsonValidator;
import io.mcpgov.registry.publish.validation.ValidationSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The pure validation and classification classes, as beans configured from the registry's settings. */
public class ValidationBeans {

    @Produces
    @Singleton
    DocumentParser documentParser(InputConfig limits) {
        return new DocumentParser(limits);
    }

    @Produces
    @Singleton
    ServerJsonValidator serverJsonValidator(PublishConfig config) {
        return new ServerJsonValidator(new ValidationSettings(config.allowHttpLoopback()));
    }

    @Produces
    @Singleton
    SecretScanner secretScanner() {
        return new SecretScanner();
    }

    @Produces
    @Singleton
    AuthClassifier authClassifier() {
        return new AuthClassifier();
    }
}
