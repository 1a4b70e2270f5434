package io.mcpgov.registry.server;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ServerVersionRepository implements PanacheRepositoryBase<ServerVersion, Long> {

    /**
     * Serialises writes to one server (publish, status changes) until the transaction ends, so that latest-version
     * bookkeeping and duplicate checks cannot race. Other servers are not blocked.
     */
    public void lockServer(String name) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, name)
                .getSingleResult();
    }

    public Optional<ServerVersion> findVersion(String name, String version) {
        return find("name = ?1 and version = ?2", name, version).firstResultOptional();
    }

    public Optional<ServerVersion> latest(String name) {
        return find("name = ?1 and latest = true", name).firstResultOptional();
    }

    public long countVersions(String name) {
        return count("name", name);
    }

    /** All versions of a server, oldest published first. */
    public List<ServerVersion> allVersions(String name) {
        return find("name = ?1 order by publishedAt, id", name).list();
    }
}
