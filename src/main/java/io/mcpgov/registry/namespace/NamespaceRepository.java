package io.mcpgov.registry.namespace;

import io.mcpgov.registry.common.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class NamespaceRepository implements PanacheRepositoryBase<NamespaceMapping, Long> {

    @Inject
    Jdbc jdbc;

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

    /**
     * The most specific mapping that covers a server name's namespace part: the namespace itself, one of its parents
     * (when it includes sub-namespaces), or the catch-all. One indexed query whatever the number of mappings. A
     * namespace longer than any server name may be is owned by nothing, and looked up with no work proportional to it.
     */
    public Optional<NamespaceMapping> owning(String serverNamespace) {
        if (serverNamespace.length() > NamespaceService.MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        String namespace = serverNamespace.toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        candidates.add(NamespaceMapping.EVERY_NAMESPACE);
        for (int dot = namespace.length(); dot > 0; dot = namespace.lastIndexOf('.', dot - 1)) {
            candidates.add(namespace.substring(0, dot));
        }
        // a fixed-shape statement: an IN list of varying length would be planned again on every call; plain JDBC,
        // since every publish asks twice, and a mapping read to be looked at, never changed
        List<NamespaceMapping> found = jdbc.list("Reading namespace mappings",
                "SELECT namespace, include_subnamespaces, owning_team, admission FROM namespace WHERE namespace = ANY (?)",
                ps -> Jdbc.setTextArray(ps, 1, candidates.toArray()), rs -> {
                    NamespaceMapping m = new NamespaceMapping();
                    m.namespace = rs.getString(1);
                    m.includeSubnamespaces = rs.getBoolean(2);
                    m.owningTeam = rs.getString(3);
                    m.admission = rs.getString(4);
                    return m;
                });
        return found.stream()
                .filter(m -> m.covers(namespace))
                .max(Comparator.comparingInt(NamespaceMapping::specificity));
    }
}
