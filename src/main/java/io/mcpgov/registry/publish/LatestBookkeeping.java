package io.mcpgov.registry.publish;

import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Keeps exactly one latest version per server among the versions that are admitted and not deleted. */
@ApplicationScoped
public class LatestBookkeeping {

    private final ServerVersionRepository versions;

    LatestBookkeeping(ServerVersionRepository versions) {
        this.versions = versions;
    }

    /** Recomputes the latest flag after a status change; a version whose flag changes counts as updated. */
    public void recompute(String name) {
        List<ServerVersion> all = versions.allVersions(name);
        String latest = LatestVersion.among(all.stream().filter(v -> !v.deleted() && v.admitted()).map(v -> v.version).toList());
        Instant now = Times.now();
        for (ServerVersion v : all) {
            boolean shouldBeLatest = !v.deleted() && v.admitted() && v.version.equals(latest);
            if (v.latest != shouldBeLatest) {
                v.latest = shouldBeLatest;
                v.updatedAt = now;
            }
        }
    }
}
