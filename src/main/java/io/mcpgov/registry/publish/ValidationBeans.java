package io.mcpgov.registry.publish;

import io.mcpgov.registry.common.RegistryConfig;
import io.mcpgov.registry.input.InputLimits;
import io.mcpgov.registry.policy.AuthClassifier;
import io.mcpgov.registry.policy.SecretScanner;
import io.mcpgov.registry.publish.validation.DocumentParser;
import io.mcpgov.registry.publish.validation.ServerJsonValidator;
import io.mcpgov.registry.publish.validation.ValidationSettings;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** The pure validation and classification classes, as beans configured from the registry's settings. */
public class ValidationBeans {

    @Produces
    @Singleton
    DocumentParser documentParser(InputLimits limits) {
        return new DocumentParser(limits);
    }

    @Produces
    @Singleton
    ServerJsonValidator serverJsonValidator(RegistryConfig config) {
        return new ServerJsonValidator(new ValidationSettings(config.publish().allowHttpLoopback()));
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
