package io.mcpgov.registry.ownership;

import io.mcpgov.registry.decision.DecisionFlag;
import io.mcpgov.registry.decision.DecisionFlags;
import io.mcpgov.registry.decision.SubjectOffboarded;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.events.EventOutbox;
import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.events.ListingReconciler;
import io.mcpgov.registry.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Offboarding: record that a person left, orphan the servers they are accountable for (hidden by the listing rule
 * {@code owner-offboarded}, evaluated when entries are read: no job), and flag the decisions they requested or took.
 * Nothing is deleted. Offboarding twice changes nothing and answers with the current effect.
 */
@ApplicationScoped
public class OffboardingService {

    private static final int MAX_SUBJECT = 255;
    private static final int MAX_REASON = 2000;

    /** The answer, and whether this call offboarded the subject (false: it had been already). */
    public record Outcome(OffboardingView view, boolean created) {
    }

    private final OffboardedSubjects offboarded;
    private final DecisionFlags flags;
    private final EntityManager em;
    private final AuditLog audit;
    private final Caller caller;
    private final Event<SubjectOffboarded> offboardedEvent;
    private final EventOutbox outbox;
    private final ListingReconciler listings;

    OffboardingService(OffboardedSubjects offboarded, DecisionFlags flags, EntityManager em, AuditLog audit,
            Caller caller, Event<SubjectOffboarded> offboardedEvent, EventOutbox outbox, ListingReconciler listings) {
        this.outbox = outbox;
        this.listings = listings;
        this.offboarded = offboarded;
        this.flags = flags;
        this.em = em;
        this.audit = audit;
        this.caller = caller;
        this.offboardedEvent = offboardedEvent;
    }

    @Transactional
    public Outcome offboard(OffboardingRequest body) {
        String subject = required(body == null ? null : body.subject(), "/subject", MAX_SUBJECT);
        String reason = required(body.reason(), "/reason", MAX_REASON);
        Instant now = Times.now();
        // concurrent offboardings of one subject: the second waits on the key, then finds it done
        int inserted = em.createNativeQuery("INSERT INTO offboarded_subject (subject, reason, offboarded_by, offboarded_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (subject) DO NOTHING")
                .setParameter(1, subject).setParameter(2, reason).setParameter(3, caller.subject()).setParameter(4, now)
                .executeUpdate();
        OffboardedSubject record = offboarded.findById(subject);
        List<OffboardingView.OrphanedServer> orphaned = orphanedServers(subject);
        if (inserted == 0) {
            return new Outcome(view(record, true, orphaned, flags.ofSubject(subject)), false);
        }

        SubjectOffboarded event = new SubjectOffboarded(subject, now);
        offboardedEvent.fire(event);
        List<DecisionFlag> created = new ArrayList<>();
        for (SubjectOffboarded.Flag f : new LinkedHashSet<>(event.flags())) {
            DecisionFlag flag = new DecisionFlag();
            flag.targetType = f.targetType();
            flag.targetId = f.targetId();
            flag.serverName = f.serverName();
            flag.subject = subject;
            flag.role = f.role().wire();
            flag.flaggedAt = now;
            flags.persist(flag);
            created.add(flag);
        }
        flags.flush();

        // governance events for webhook subscribers: the offboarding per server, and the versions it hides
        for (OffboardingView.OrphanedServer server : orphaned) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subject", subject);
            data.put("name", server.name());
            data.put("owningTeam", server.owningTeam());
            data.put("reason", reason);
            outbox.append(EventTypes.OWNER_OFFBOARDED, server.name(), data);
        }
        @SuppressWarnings("unchecked")
        List<Number> versionIds = em.createNativeQuery("SELECT id FROM server_version WHERE accountable_owner = ?1")
                .setParameter(1, subject).getResultList();
        listings.reconcile(versionIds.stream().map(Number::longValue).toList(), "subject.offboarded");

        // one audit event per changed target; the chain's lock is taken by the first, so they come last
        for (DecisionFlag flag : created) {
            audit.record("decision.flagged", flag.targetType, flag.targetId, null, FlagView.of(flag));
        }
        for (OffboardingView.OrphanedServer server : orphaned) {
            audit.record("server.orphaned", "server", server.name(), ownerState(subject, false), ownerState(subject, true));
        }
        OffboardingView view = view(record, false, orphaned, created);
        audit.record("subject.offboarded", "subject", subject, null, view);
        return new Outcome(view, true);
    }

    /** Servers (with a version that is not deleted) whose accountable owner is {@code subject}, by name. */
    private List<OffboardingView.OrphanedServer> orphanedServers(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT sv.name, (array_agg(sv.owning_team ORDER BY sv.published_at DESC, sv.id DESC))[1]
                FROM server_version sv WHERE sv.accountable_owner = ?1
                GROUP BY sv.name HAVING bool_or(sv.status <> 'deleted') ORDER BY sv.name""")
                .setParameter(1, subject)
                .getResultList();
        return rows.stream().map(r -> new OffboardingView.OrphanedServer((String) r[0], (String) r[1])).toList();
    }

    private static OffboardingView view(OffboardedSubject s, boolean already, List<OffboardingView.OrphanedServer> orphaned,
            List<DecisionFlag> flagged) {
        return new OffboardingView(s.subject, s.reason, s.offboardedBy, s.offboardedAt, already, orphaned,
                flagged.stream().map(FlagView::of).toList());
    }

    private static Map<String, Object> ownerState(String owner, boolean orphaned) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("accountableOwner", owner);
        state.put("orphaned", orphaned);
        return state;
    }

    static String required(String value, String path, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            String field = path.substring(1);
            throw ProblemException.badRequest(field + " is required.", new Violation(field + "-required", path,
                    field + " is required (at most " + max + " characters)"));
        }
        return value.trim();
    }
}
