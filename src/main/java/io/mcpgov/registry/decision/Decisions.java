package io.mcpgov.registry.decision;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.outbox.GovernanceEvents;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reviewers' workflow, the same for every kind of decision ({@link DecisionKind}): a pending decision is taken
 * once, with a reason, by a reviewer the four-eyes rule allows ({@link FourEyes}); an approval can be revoked; every
 * change locks the decision's row, is audited and announced in its transaction; the queue lists pending decisions
 * first, a page at a time; reviewers, admins and auditors see every decision, publishers those of their teams.
 * Which roles may call what is the resources' business.
 */
@ApplicationScoped
public class Decisions {

    private final AuditLog audit;
    private final Caller caller;
    private final GovernanceEvents events;
    private final ServerVersionRepository versions;

    Decisions(AuditLog audit, Caller caller, GovernanceEvents events, ServerVersionRepository versions) {
        this.audit = audit;
        this.caller = caller;
        this.events = events;
        this.versions = versions;
    }

    /** Decides a pending decision: {@code outcome} is the new state (approved, rejected, admitted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D extends Decision, V> V decide(DecisionKind<D, V> kind, UUID id, DecisionRequest body, String outcome) {
        String reason = DecisionRequest.requiredReason(body);
        D decision = lock(kind, id);
        FourEyes.check(caller.subject(), parties(kind, decision), kind::describe);
        Instant now = Times.now();
        String current = kind.stateAt(decision, now);
        if (!Decision.PENDING.equals(current)) {
            throw ProblemException.conflict("Only a pending " + kind.noun() + " can be decided.", new Violation(
                    kind.targetType() + "-not-pending", "", "The " + kind.noun() + " is " + current + "."));
        }
        Object before = kind.auditState(decision, kind.view(decision, now));
        decision.decide(outcome, caller.subject(), now, reason);
        kind.decided(decision, outcome, now);
        return record(kind, decision, outcome, before, now);
    }

    /** Revokes an approval (state approved at the moment of the call). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D extends RevocableDecision, V> V revoke(DecisionKind<D, V> kind, UUID id, DecisionRequest body) {
        String reason = DecisionRequest.requiredReason(body);
        Instant now = Times.now();
        D decision = lock(kind, id);
        String current = kind.stateAt(decision, now);
        if (!RevocableDecision.APPROVED.equals(current)) {
            throw ProblemException.conflict(kind.notRevocable(), new Violation(kind.targetType() + "-not-approved", "",
                    "The " + kind.noun() + " is " + current + "."));
        }
        Object before = kind.auditState(decision, kind.view(decision, now));
        decision.revoke(caller.subject(), now, reason);
        return record(kind, decision, RevocableDecision.REVOKED, before, now);
    }

    /** One decision, if the caller may see it; a 404 otherwise. */
    public <D extends Decision, V> V get(DecisionKind<D, V> kind, UUID id) {
        D decision = kind.repository().findByIdOptional(id).orElseThrow(() -> notFound(kind));
        Set<String> teams = visibleTeams();
        if (teams != null && !teams.contains(decision.owningTeam)) {
            throw notFound(kind);
        }
        return kind.view(decision, Times.now());
    }

    /** A page of the queue the caller may see. */
    public <D extends Decision, V> Page<V> list(DecisionKind<D, V> kind, DecisionQuery query,
            PageRequest page) {
        List<D> found = kind.repository().page(query.visibleTo(visibleTeams()), page.offset(), page.limit() + 1);
        Page<D> decided = Page.of(found, page.limit(), last -> String.valueOf(page.offset() + page.limit()));
        return new Page<>(kind.views(decided.items(), Times.now()), decided.nextCursor());
    }

    /** How the caller is party to a decision (empty: they may decide it, if a reviewer), for pages that explain. */
    public <D extends Decision, V> Set<Involvement> callerInvolvement(DecisionKind<D, V> kind, UUID id) {
        return kind.repository().findByIdOptional(id)
                .map(decision -> FourEyes.involvementOf(caller.subject(), parties(kind, decision)))
                .orElse(Set.of());
    }

    /** Everyone party to a decision: who asked for it, who published what it is about, the server's owner. */
    <D extends Decision, V> List<Party> parties(DecisionKind<D, V> kind, D decision) {
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(decision.requestedBy, Involvement.REQUESTER));
        kind.publishers(decision).forEach(subject -> parties.add(new Party(subject, Involvement.PUBLISHER)));
        versions.accountableOwners(decision.serverName)
                .forEach(s -> parties.add(new Party(s, Involvement.ACCOUNTABLE_OWNER)));
        return parties;
    }

    /** Reviewers, admins and auditors see every decision (null); publishers those of their teams. */
    private Set<String> visibleTeams() {
        return caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR) ? null : caller.teams();
    }

    private <D extends Decision, V> V record(DecisionKind<D, V> kind, D decision, String outcome, Object before,
            Instant now) {
        V view = kind.view(decision, now);
        Object after = kind.auditState(decision, view);
        String action = kind.targetType() + "." + outcome;
        audit.record(action, kind.targetType(), decision.id.toString(), before, after);
        events.changed(kind.eventType(outcome), decision.serverName, after, kind.versionIds(decision), action);
        return view;
    }

    /** Locks the row until the transaction ends, so that concurrent decisions leave one. */
    private <D extends Decision, V> D lock(DecisionKind<D, V> kind, UUID id) {
        return kind.repository().findForUpdate(id).orElseThrow(() -> notFound(kind));
    }

    private static ProblemException notFound(DecisionKind<?, ?> kind) {
        return ProblemException.notFound(kind.notFound());
    }
}
