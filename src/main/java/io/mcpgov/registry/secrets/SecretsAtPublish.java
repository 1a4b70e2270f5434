package io.mcpgov.registry.secrets;

import io.mcpgov.registry.policy.SecretScanner;
import io.mcpgov.registry.publish.VersionStoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A version is stored only after it passed the secret scan: it carries the revision of the rules it passed. */
@ApplicationScoped
class SecretsAtPublish {

    void stamp(@Observes VersionStoring storing) {
        storing.entry().secretsScannedWith = SecretScanner.REVISION;
    }
}
