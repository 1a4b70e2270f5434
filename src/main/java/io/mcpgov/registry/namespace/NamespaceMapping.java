package io.mcpgov.registry.namespace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An admin's decision that a namespace (and optionally its sub-namespaces) belongs to a team. */
@Entity
@Table(name = "namespace")
public class NamespaceMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String namespace;

    @Column(name = "include_subnamespaces", nullable = false)
    public boolean includeSubnamespaces;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    /** open: versions that pass every rule are listed at once; review: new servers and widening versions wait. */
    @Column(nullable = false)
    public String admission = "open";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The mapping that covers every namespace not covered by a more specific one. */
    public static final String EVERY_NAMESPACE = "*";

    /** Whether this mapping covers the namespace part of a server name. */
    public boolean covers(String serverNamespace) {
        if (EVERY_NAMESPACE.equals(namespace)) {
            return true;
        }
        String candidate = serverNamespace.toLowerCase(java.util.Locale.ROOT);
        return namespace.equals(candidate) || (includeSubnamespaces && candidate.startsWith(namespace + "."));
    }

    /** How specific the mapping is: longer namespaces win; {@code *} loses to every other. */
    public int specificity() {
        return EVERY_NAMESPACE.equals(namespace) ? -1 : namespace.length();
    }
}
