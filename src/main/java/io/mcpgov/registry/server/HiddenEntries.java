package io.mcpgov.registry.server;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.namespace.NamespaceService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * No existence oracle: an entry the listing gate hides from a caller answers every operation exactly as a name that
 * does not exist. Reads filter by the caller's visibility already; an operation that refuses a caller an entry that
 * exists takes its answer from {@link #refusal}: the operation's forbidden problem when the caller can see the entry,
 * otherwise the same not-found problem the operation gives for a name or version that does not exist. The refusal
 * the caller is not told of still reaches the audit trail ({@link RequestInfo#concealRefusal}).
 */
@ApplicationScoped
public class HiddenEntries {

    private final ServerReadService reads;
    private final NamespaceService namespaces;
    private final RequestInfo requestInfo;

    HiddenEntries(ServerReadService reads, NamespaceService namespaces, RequestInfo requestInfo) {
        this.reads = reads;
        this.namespaces = namespaces;
        this.requestInfo = requestInfo;
    }

    /** What every operation answers about a server name that does not exist (or that the caller may not see). */
    public static ProblemException serverNotFound() {
        return ProblemException.notFound("Server not found.");
    }

    /** What every operation answers about a version that does not exist (or that the caller may not see). */
    public static ProblemException versionNotFound() {
        return ProblemException.notFound("Server version not found.");
    }

    /**
     * Admins, and publishers of the team that owns the entry, may change it; anyone else gets {@link #refusal}:
     * 403 namespace-not-owned, or the not-found answer when the entry is hidden from them.
     *
     * @param version the version the operation is about, or null for the whole server
     */
    public void requireManage(String owningTeam, String name, String version) {
        if (!namespaces.mayManage(owningTeam)) {
            throw refusal(name, version, namespaces.forbiddenNamespace(name));
        }
    }

    /** {@link #refusal(String, String, ProblemException, Supplier)} with the standard not-found answers. */
    public ProblemException refusal(String name, String version, ProblemException forbidden) {
        return refusal(name, version, forbidden, version == null ? HiddenEntries::serverNotFound : HiddenEntries::versionNotFound);
    }

    /**
     * The answer for a caller refused an entry that exists.
     *
     * @param version   the version the operation is about (a stored version, not {@code latest}), or null for the server
     * @param forbidden the refusal when the caller can see the entry
     * @param notFound  what the operation answers when the name (or version) does not exist
     */
    public ProblemException refusal(String name, String version, ProblemException forbidden,
            Supplier<ProblemException> notFound) {
        if (reads.sees(name, version)) {
            return forbidden;
        }
        requestInfo.concealRefusal(forbidden.status(), forbidden.errors().stream().map(Violation::ruleId).toList());
        return notFound.get();
    }
}
