package io.mcpgov.registry.secrets;

import io.mcpgov.registry.server.RowExtension;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code _meta["io.mcpgov.registry/governance"].secrets}: where the secret scan found credentials in a stored
 * version ({@code findings}: JSON pointer, kind, message; never the value) and the scan's {@code revision}. Only a
 * hidden version has it, so only its owners, reviewers, admins and auditors see it.
 */
@ApplicationScoped
class StoredSecretView implements RowExtension {

    @Override
    public String key() {
        return "secrets";
    }

    @Override
    public String sql() {
        return "sv.secret_findings";
    }
}
