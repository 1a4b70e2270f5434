package io.mcpgov.registry.namespace;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class NamespaceRepository implements PanacheRepositoryBase<NamespaceMapping, Long> {

    public Optional<NamespaceMapping> findByNamespace(String namespace) {
        return find("namespace", namespace).firstResultOptional();
    }

    /**
     * Serialises changes to one namespace's mapping until the transaction ends, across instances: without it two
     * concurrent first mappings both insert and one fails on the unique constraint.
     */
    public void lock(String namespace) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 11))")
                .setParameter(1, namespace)
                .getSingleResult();
    }

    public List<NamespaceMapping> listSorted() {
        return listAll(Sort.by("namespace"));
    }

    /** The most specific mapping that covers a server name's namespace part. */
    public Optional<NamespaceMapping> owning(String serverNamespace) {
        return listAll().stream()
                .filter(m -> m.covers(serverNamespace))
                .max(Comparator.comparingInt(NamespaceMapping::specificity));
    }
}
