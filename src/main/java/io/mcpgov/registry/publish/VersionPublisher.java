package io.mcpgov.registry.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.outbox.GovernanceEvents;
import io.mcpgov.registry.server.ServerRow;
import io.mcpgov.registry.server.ServerRowRepository;
import io.mcpgov.registry.server.ServerStatus;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The transactional half of publishing: uniqueness, latest version, remote URL ownership, exceptions, audit. */
@ApplicationScoped
public class VersionPublisher {

    public static final String VERSION_EXISTS = "version-exists";

    private final ServerVersionRepository versions;
    private final ServerRowRepository rows;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final PublishConfig config;
    private final Event<VersionStoring> storing;
    private final Event<VersionPublished> published;
    private final AdmissionControl admissionControl;
    private final GovernanceEvents events;
    private final RemoteUrlRepository remoteUrls;
    private final ChangeCounter counter;

    VersionPublisher(ServerVersionRepository versions, ServerRowRepository rows, AuditLog audit, ObjectMapper json,
            PublishConfig config, Event<VersionStoring> storing, Event<VersionPublished> published,
            AdmissionControl admissionControl, GovernanceEvents events, RemoteUrlRepository remoteUrls,
            ChangeCounter counter) {
        this.counter = counter;
        this.storing = storing;
        this.remoteUrls = remoteUrls;
        this.events = events;
        this.admissionControl = admissionControl;
        this.published = published;
        this.versions = versions;
        this.rows = rows;
        this.audit = audit;
        this.json = json;
        this.config = config;
    }

    @Transactional
    public ServerRow insert(JsonNode document, AuthProfile profile, String owningTeam, String publishedBy) {
        long id = store(new Publication(document, profile, owningTeam, publishedBy, ServerStatus.ACTIVE, false),
                "server.published");
        ServerRow row = rows.byIds(List.of(id)).get(0);
        events.listingOf(List.of(row), "server.published");
        return row;
    }

    /**
     * Stores one version in the caller's transaction: uniqueness, the version limit, remote URL ownership and the
     * latest flag, then the feature observers and the audit event. Every refusal is thrown before anything is
     * written, so a caller storing many versions in one transaction can skip a refused one and go on. The caller
     * announces the listing of what it stored ({@link GovernanceEvents}), once for all its versions.
     *
     * @return the stored version's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long store(Publication publication, String auditAction) {
        JsonNode document = publication.document();
        String name = document.get("name").asText();
        String version = document.get("version").asText();
        if (!publication.bulk()) {
            versions.lockServer(name);
        }
        ServerVersionRepository.ServerState server = versions.state(name, version);
        if (server.exists()) {
            throw ProblemException.conflict("This version is already published; published versions never change.",
                    new Violation(VERSION_EXISTS, "/version", "Version " + version + " of " + name + " exists."));
        }
        int max = config.maxVersionsPerServer();
        if (server.versions() >= max) {
            throw ProblemException.unprocessable("The server has too many versions.", List.of(
                    new Violation("max-versions", "/version", "A server may have at most " + max + " versions.")));
        }
        claimRemoteUrls(name, document);

        AdmissionDecision admission = admissionControl.decide(name, document, publication.profile());
        Instant now = Times.now();
        boolean deleted = publication.status() == ServerStatus.DELETED;
        boolean latest = !deleted && !admission.pending() && LatestVersion.replaces(version, server.latestVersion());
        if (latest && server.latestId() != null) {
            versions.unsetLatest(server.latestId(), now);
        }
        AuthProfile profile = publication.profile();
        ServerVersion entry = new ServerVersion();
        entry.name = name;
        entry.version = version;
        entry.status = publication.status().wire();
        entry.statusChangedAt = now;
        entry.latest = latest;
        entry.publishedAt = now;
        entry.updatedAt = now;
        entry.owningTeam = publication.owningTeam();
        entry.publishedBy = publication.publishedBy();
        // a later version inherits the server's owner (ownership.OwnershipAtPublish)
        entry.accountableOwner = publication.publishedBy();
        entry.documentText = write(document);
        entry.document = entry.documentText;
        entry.authProfile = write(profile);
        entry.hasOauth = profile.hasOauth();
        entry.hasRemoteApiKey = profile.hasRemoteApiKey();
        entry.hasPackageSecret = profile.hasPackageSecret();
        entry.hasPublicRemote = profile.hasPublic();
        entry.admission = admission.pending() ? "pending" : "admitted";
        storing.fire(new VersionStoring(entry, document, profile, publication.bulk(), server.versions() == 0));
        versions.persist(entry);
        versions.flush();
        admissionControl.stored(entry, admission);
        published.fire(new VersionPublished(entry, document, profile, publication.bulk(),
                server.versions() == 0));
        versions.flush();
        audit.record(auditAction, "server-version", name + "@" + version, null, summary(entry));
        // a new version, and a latest flag that may have moved: whether or not agents see it, its owners do
        counter.moveAtCommit();
        return entry.id;
    }

    /** A remote URL belongs to the first server that published it; checked before anything is written. */
    private void claimRemoteUrls(String name, JsonNode document) {
        Set<String> urls = new LinkedHashSet<>();
        document.path("remotes").forEach(r -> {
            if (r.path("url").isTextual()) {
                urls.add(r.path("url").asText());
            }
        });
        if (urls.isEmpty()) {
            return;
        }
        refuseTaken(name, document, remoteUrls.owners(urls));
        remoteUrls.claim(urls, name);
        // a concurrent publish of another server may have claimed a URL between the check and the insert
        refuseTaken(name, document, remoteUrls.owners(urls));
    }

    private static void refuseTaken(String name, JsonNode document, Map<String, String> owners) {
        int index = 0;
        for (JsonNode remote : document.path("remotes")) {
            String owner = owners.get(remote.path("url").asText(null));
            if (owner != null && !owner.equals(name)) {
                throw ProblemException.conflict("A remote URL is already used by another server.",
                        new Violation("remote-url-taken", "/remotes/" + index + "/url",
                                "This URL is published by another server; two servers may not share a remote URL."));
            }
            index++;
        }
    }

    private static Map<String, Object> summary(ServerVersion entry) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", entry.name);
        s.put("version", entry.version);
        s.put("status", entry.status);
        s.put("isLatest", entry.latest);
        s.put("admission", entry.admission);
        s.put("owningTeam", entry.owningTeam);
        s.put("accountableOwner", entry.accountableOwner);
        s.put("hasOauth", entry.hasOauth);
        s.put("hasRemoteApiKey", entry.hasRemoteApiKey);
        s.put("hasPackageSecret", entry.hasPackageSecret);
        return s;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise for storage", e);
        }
    }
}
