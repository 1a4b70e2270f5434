package io.mcpgov.registry.ownership;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.decision.DecisionFlag;
import io.mcpgov.registry.decision.DecisionFlagRepository;
import io.mcpgov.registry.decision.SubjectOffboarded;
import io.mcpgov.registry.outbox.EventTypes;
import io.mcpgov.registry.outbox.GovernanceEventRepository;
import io.mcpgov.registry.outbox.ListingReconciler;
import io.mcpgov.registry.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    private final OffboardedSubjectRepository offboarded;
    private final DecisionFlagRepository flags;
    private final OwnershipRepository ownership;
    private final AuditLog audit;
    private final Caller caller;
    private final Event<SubjectOffboarded> offboardedEvent;
    private final GovernanceEventRepository outbox;
    private final ListingReconciler listings;
    private final ChangeCounter counter;

    OffboardingService(OffboardedSubjectRepository offboarded, DecisionFlagRepository flags,
            OwnershipRepository ownership, AuditLog audit, Caller caller, Event<SubjectOffboarded> offboardedEvent,
            GovernanceEventRepository outbox, ListingReconciler listings, ChangeCounter counter) {
        this.outbox = outbox;
        this.counter = counter;
        this.listings = listings;
        this.offboarded = offboarded;
        this.flags = flags;
        this.ownership = ownership;
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
        boolean inserted = offboarded.recordIfAbsent(subject, reason, caller.subject(), now);
        OffboardedSubject record = offboarded.findById(subject);
        List<OffboardingView.OrphanedServer> orphaned = ownership.serversOwnedBy(subject);
        if (!inserted) {
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
        List<Long> versionIds = ownership.versionIdsOwnedBy(subject);
        listings.reconcile(versionIds, "subject.offboarded");
        if (!versionIds.isEmpty()) {
            // their ownership member says orphaned now, hidden or not
            counter.moveAtCommit();
        }

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
