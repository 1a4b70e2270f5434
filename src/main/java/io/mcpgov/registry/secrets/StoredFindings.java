package io.mcpgov.registry.secrets;

import io.mcpgov.registry.policy.SecretScanner;
import java.util.List;

/** What the sweep stores in {@code secret_findings} and shows in the governance view: never a value. */
record StoredFindings(int revision, List<Finding> findings, boolean more) {

    record Finding(String path, String kind, String message) {
    }

    static StoredFindings of(SecretScanner.Findings scanned) {
        List<Finding> findings = scanned.found().stream()
                .map(f -> new Finding(f.path(), f.kind().id(), f.message()))
                .toList();
        return new StoredFindings(SecretScanner.REVISION, findings, scanned.more());
    }

    /** Where and what, for audit events and the event feed. */
    List<Located> located() {
        return findings.stream().map(f -> new Located(f.path(), f.kind())).toList();
    }

    record Located(String path, String kind) {
    }
}
