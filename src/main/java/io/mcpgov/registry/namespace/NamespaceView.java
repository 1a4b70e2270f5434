package io.mcpgov.registry.namespace;

import java.time.Instant;

/** A namespace mapping on the wire. */
public record NamespaceView(String namespace, boolean includeSubnamespaces, String owningTeam, String admission,
        Instant createdAt, Instant updatedAt) {

    static NamespaceView of(NamespaceMapping m) {
        return new NamespaceView(m.namespace, m.includeSubnamespaces, m.owningTeam, m.admission, m.createdAt,
                m.updatedAt);
    }

    /** How the mapping reads in messages: {@code com.acme} or {@code com.acme (and com.acme.*)}. */
    String label() {
        return includeSubnamespaces ? namespace + " (and " + namespace + ".*)" : namespace;
    }
}
