package io.mcpgov.registry.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Fired synchronously, inside the change's transaction, each time an authenticated caller's change is audited: who
 * acted and the teams their token carried. The registry has no directory; this is how it learns who is in which team.
 */
public record ActorActed(String subject, Set<String> teams, Instant at) {
}
