package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.server.ServerVersion;

/**
 * Whether a new version is admitted at once or waits for a reviewer. Publishing asks before it stores (a version
 * that waits never becomes latest) and tells after, so that the waiting version enters the queue in the same
 * transaction.
 */
public interface AdmissionControl {

    AdmissionDecision decide(String name, JsonNode document, AuthProfile profile);

    void stored(ServerVersion entry, AdmissionDecision decision);
}
