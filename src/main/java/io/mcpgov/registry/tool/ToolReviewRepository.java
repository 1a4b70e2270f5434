package io.mcpgov.registry.tool;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ToolReviewRepository implements PanacheRepositoryBase<ToolReview, UUID> {

    /** The review of one definition, locked: a publish that re-queues it waits for a decision in flight. */
    public Optional<ToolReview> findDefinitionForUpdate(String serverName, String toolName, String definitionHash) {
        return find("serverName = ?1 and toolName = ?2 and definitionHash = ?3", serverName, toolName, definitionHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
