package io.mcpgov.registry.namespace;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which team owns which namespace, and who may therefore publish and manage entries where. */
@ApplicationScoped
public class NamespaceService {

    /** The longest server name, the server.json schema's {@code maxLength}; no longer name is ever looked up. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern NAMESPACE =
            Pattern.compile("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$");

    private final NamespaceRepository namespaces;
    private final AuditLog audit;
    private final Caller caller;

    NamespaceService(NamespaceRepository namespaces, AuditLog audit, Caller caller) {
        this.namespaces = namespaces;
        this.audit = audit;
        this.caller = caller;
    }

    public List<NamespaceView> list() {
        return namespaces.listSorted().stream().map(NamespaceView::of).toList();
    }

    @Transactional
    public NamespaceView put(String rawNamespace, NamespaceRequest request) {
        String namespace = normalise(rawNamespace);
        Instant now = Times.now();
        namespaces.lock(namespace);
        Optional<NamespaceMapping> existing = namespaces.findByNamespace(namespace);
        NamespaceView before = existing.map(NamespaceView::of).orElse(null);
        NamespaceMapping mapping = existing.orElseGet(() -> {
            NamespaceMapping created = new NamespaceMapping();
            created.namespace = namespace;
            created.createdAt = now;
            return created;
        });
        mapping.owningTeam = request.owningTeam().trim();
        mapping.includeSubnamespaces = Boolean.TRUE.equals(request.includeSubnamespaces());
        if (request.admission() != null) {
            mapping.admission = request.admission();
        }
        mapping.updatedAt = now;
        if (mapping.id == null) {
            namespaces.persist(mapping);
        }
        // written now: lookups of the owning mapping read the table directly, later in the same transaction too
        namespaces.flush();
        NamespaceView after = NamespaceView.of(mapping);
        audit.record(before == null ? "namespace.created" : "namespace.updated", "namespace", namespace, before, after);
        return after;
    }

    @Transactional
    public void delete(String rawNamespace) {
        String namespace = normalise(rawNamespace);
        namespaces.lock(namespace);
        NamespaceMapping mapping = namespaces.findByNamespace(namespace)
                .orElseThrow(() -> ProblemException.notFound("No mapping for namespace " + namespace + "."));
        NamespaceView before = NamespaceView.of(mapping);
        namespaces.delete(mapping);
        audit.record("namespace.deleted", "namespace", namespace, before, null);
    }

    /** The admission policy of a server name's namespace: open unless its mapping says review. */
    public String admissionPolicy(String serverName) {
        return namespaces.owning(namespacePart(serverName)).map(m -> m.admission).orElse("open");
    }

    /** The team that owns a server name's namespace, if an admin mapped it. */
    public Optional<String> owningTeam(String serverName) {
        return namespaces.owning(namespacePart(serverName)).map(m -> m.owningTeam);
    }

    /**
     * Checks that the caller's team owns the namespace of {@code serverName}; the refusal names the namespaces the
     * caller may use, never the caller.
     *
     * @return the owning team
     */
    public String requireTeamOwnership(String serverName) {
        Optional<String> team = owningTeam(serverName);
        if (team.isPresent() && caller.inTeam(team.get())) {
            return team.get();
        }
        throw forbiddenNamespace(serverName);
    }

    public ProblemException forbiddenNamespace(String serverName) {
        List<String> allowed = namespaces.listSorted().stream()
                .filter(m -> caller.inTeam(m.owningTeam))
                .map(m -> NamespaceView.of(m).label())
                .toList();
        String detail = allowed.isEmpty()
                ? "Your teams own no namespace in this registry; ask an admin to map one."
                : "Your teams may manage servers in: " + String.join(", ", allowed) + ".";
        return new ProblemException(403, "Forbidden", detail, List.of(new Violation("namespace-not-owned", "/name",
                "The namespace " + namespacePart(serverName) + " is not owned by any of your teams.")));
    }

    /** Admins may act on any server; publishers only on their teams' servers. */
    public boolean mayManage(String owningTeam) {
        return caller.has(Roles.ADMIN) || (caller.has(Roles.PUBLISHER) && caller.inTeam(owningTeam));
    }

    public static String namespacePart(String serverName) {
        int slash = serverName.indexOf('/');
        return (slash < 0 ? serverName : serverName.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code candidate} is a namespace: reverse-DNS labels in lower case, at most {@link #MAX_NAME_LENGTH}
     * characters. The length is checked first: the pattern's repeated group recurses once per label.
     */
    public static boolean isNamespace(String candidate) {
        return candidate.length() <= MAX_NAME_LENGTH && NAMESPACE.matcher(candidate).matches();
    }

    private static String normalise(String raw) {
        String namespace = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (NamespaceMapping.EVERY_NAMESPACE.equals(namespace)) {
            return namespace;
        }
        if (!isNamespace(namespace)) {
            throw ProblemException.badRequest("The namespace is invalid.", new Violation("namespace-format", "/namespace",
                    "A namespace is reverse-DNS: dot-separated labels of letters, digits and hyphens (e.g. com.example),"
                            + " or * for every namespace no other mapping covers."));
        }
        return namespace;
    }
}
