package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.events.ListingReconciler;
import io.mcpgov.registry.server.HiddenEntries;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ownership is per server: a transfer or a new contact applies to every version. Publishers of the owning team and
 * admins may change it. The new accountable owner must belong to the owning team: either the caller themselves (a
 * take-over; their token proves membership) or a subject the registry has recently seen act with a token that
 * carried the team.
 */
@ApplicationScoped
public class OwnershipService {

    private static final int MAX_SUBJECT = 255;
    private static final int MAX_REASON = 2000;

    private final ServerVersionRepository versions;
    private final HiddenEntries entries;
    private final KnownSubjects known;
    private final OffboardedSubjects offboarded;
    private final AuditLog audit;
    private final Caller caller;
    private final EntityManager em;
    private final Contacts contacts;
    private final ListingReconciler listings;

    OwnershipService(ServerVersionRepository versions, HiddenEntries entries, KnownSubjects known,
            OffboardedSubjects offboarded, AuditLog audit, Caller caller, EntityManager em, Contacts contacts,
            ListingReconciler listings) {
        this.listings = listings;
        this.versions = versions;
        this.entries = entries;
        this.known = known;
        this.offboarded = offboarded;
        this.audit = audit;
        this.caller = caller;
        this.em = em;
        this.contacts = contacts;
    }

    /** Reviewers, admins and auditors see every server's ownership; publishers their teams'. */
    public OwnershipView get(String name) {
        OwnershipView view = view(name).orElseThrow(OwnershipService::notFound);
        if (!caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR) && !caller.inTeam(view.owningTeam())) {
            throw notFound();
        }
        return view;
    }

    @Transactional
    public OwnershipView transfer(String name, TransferRequest body) {
        String target = OffboardingService.required(body == null ? null : body.accountableOwner(), "/accountableOwner", MAX_SUBJECT);
        String reason = OffboardingService.required(body.reason(), "/reason", MAX_REASON);
        versions.lockServer(name);
        List<ServerVersion> all = versions.allVersions(name);
        if (all.isEmpty()) {
            throw notFound();
        }
        String team = all.get(all.size() - 1).owningTeam;
        entries.requireManage(team, name, null);
        String current = all.get(all.size() - 1).accountableOwner;
        if (offboarded.isOffboarded(target)) {
            throw refused("owner-offboarded", "This person has been offboarded and cannot be accountable for a server.");
        }
        if (target.equals(current)) {
            return view(name).orElseThrow();
        }
        Instant now = Times.now();
        boolean takeOver = target.equals(caller.subject());
        if (takeOver) {
            if (!caller.inTeam(team)) {
                throw refused("owner-not-in-team", "You are not a member of " + team + ", the team that owns this server.");
            }
        } else {
            Set<String> teams = known.recentTeams(target, now).orElseThrow(() -> refused("owner-unknown",
                    "The registry has not seen this person act recently, so it cannot tell their team. They can take"
                            + " the server over themselves, which proves their membership."));
            if (!teams.contains(team)) {
                throw refused("owner-not-in-team", "This person is not known as a member of " + team
                        + ", the team that owns this server.");
            }
        }
        boolean wasOrphaned = offboarded.isOffboarded(current);
        for (ServerVersion v : all) {
            v.accountableOwner = target;
            v.updatedAt = now;
        }
        versions.flush();
        String action = takeOver ? "ownership.taken-over" : "ownership.transferred";
        if (wasOrphaned) {
            listings.reconcile(all.stream().map(v -> v.id).toList(), action);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("accountableOwner", current);
        before.put("orphaned", wasOrphaned);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("accountableOwner", target);
        after.put("orphaned", false);
        after.put("reason", reason);
        audit.record(action, "server", name, before, after);
        return view(name).orElseThrow();
    }

    @Transactional
    public OwnershipView setContact(String name, JsonNode contact) {
        if (contact == null || !contact.isObject()) {
            throw ProblemException.badRequest("A JSON object with name, email or url is required.",
                    new Violation("contact-required", "", "the body must be a JSON object"));
        }
        List<Violation> errors = ContactCheck.check(contact);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The contact was refused.", errors);
        }
        versions.lockServer(name);
        List<ServerVersion> all = versions.allVersions(name);
        if (all.isEmpty()) {
            throw notFound();
        }
        entries.requireManage(all.get(all.size() - 1).owningTeam, name, null);
        JsonNode current = view(name).map(OwnershipView::contact).map(c -> contacts.parse(c.rawValue().toString()))
                .orElse(null);
        if (contact.equals(current)) {
            return view(name).orElseThrow();
        }
        Instant now = Times.now();
        for (ServerVersion v : all) {
            v.updatedAt = now;
        }
        versions.flush();
        contacts.set("name = ?2", name, contact);
        audit.record("ownership.contact-changed", "server", name, Contacts.state(current), Contacts.state(contact));
        return view(name).orElseThrow();
    }

    /** The ownership of the server's most recently published version (all versions share it). */
    Optional<OwnershipView> view(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT sv.owning_team, sv.accountable_owner, sv.contact::text, "
                        + OwnerOffboardedRule.ORPHANED + " FROM server_version sv WHERE sv.name = ?1"
                        + " ORDER BY sv.published_at DESC, sv.id DESC LIMIT 1")
                .setParameter(1, name)
                .getResultList();
        return rows.stream().findFirst().map(r -> new OwnershipView(name, (String) r[0], (String) r[1],
                r[2] == null ? null : new RawValue((String) r[2]), (Boolean) r[3]));
    }

    private static ProblemException refused(String ruleId, String message) {
        return ProblemException.unprocessable("The new accountable owner was refused.",
                List.of(new Violation(ruleId, "/accountableOwner", message)));
    }

    private static ProblemException notFound() {
        return HiddenEntries.serverNotFound();
    }
}
