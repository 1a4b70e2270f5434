package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.outbox.ListingReconciler;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.HiddenEntries;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final KnownSubjectRepository known;
    private final OffboardedSubjectRepository offboarded;
    private final AuditLog audit;
    private final Caller caller;
    private final OwnershipRepository ownership;
    private final ContactRepository contacts;
    private final ListingReconciler listings;
    private final ChangeCounter counter;

    OwnershipService(ServerVersionRepository versions, HiddenEntries entries, KnownSubjectRepository known,
            OffboardedSubjectRepository offboarded, AuditLog audit, Caller caller, OwnershipRepository ownership,
            ContactRepository contacts, ListingReconciler listings, ChangeCounter counter) {
        this.listings = listings;
        this.counter = counter;
        this.versions = versions;
        this.entries = entries;
        this.known = known;
        this.offboarded = offboarded;
        this.audit = audit;
        this.caller = caller;
        this.ownership = ownership;
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
        // every version names its accountable owner
        counter.moveAtCommit();
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
        contacts.setForServer(name, contact);
        audit.record("ownership.contact-changed", "server", name, ContactRepository.state(current),
                ContactRepository.state(contact));
        counter.moveAtCommit();
        return view(name).orElseThrow();
    }

    /** The ownership of the server's most recently published version (all versions share it). */
    Optional<OwnershipView> view(String name) {
        return ownership.view(name);
    }

    private static ProblemException refused(String ruleId, String message) {
        return ProblemException.unprocessable("The new accountable owner was refused.",
                List.of(new Violation(ruleId, "/accountableOwner", message)));
    }

    private static ProblemException notFound() {
        return HiddenEntries.serverNotFound();
    }
}
