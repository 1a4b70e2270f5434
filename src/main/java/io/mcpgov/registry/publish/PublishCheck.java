package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.common.Violation;
import java.util.List;

/**
 * A refusal rule of a registry feature, run at publish and validate after the document passed the schema, the
 * official rules and the secret scan. Implementations are CDI beans; their violations join the others in one 422.
 */
public interface PublishCheck {

    List<Violation> check(JsonNode document, AuthProfile profile);
}
