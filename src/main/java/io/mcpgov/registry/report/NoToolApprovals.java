package io.mcpgov.registry.report;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Without the tools feature, no tool awaits approval. */
@ApplicationScoped
@DefaultBean
public class NoToolApprovals implements DestructiveToolApprovals {

    @Override
    public List<Pending> awaiting(String team) {
        return List.of();
    }
}
