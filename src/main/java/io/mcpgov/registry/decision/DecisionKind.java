package io.mcpgov.registry.decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one kind of decision brings to the shared workflow ({@link Decisions}): its table, its wire view, its states'
 * meaning, who published what it is about, what else a decision changes, and which event announces it.
 *
 * @param <D> the stored decision
 * @param <V> its wire view
 */
public interface DecisionKind<D extends Decision, V> {

    /** The audit target type; also the prefix of its audit actions ({@code exception.approved}) and conflict rules. */
    String targetType();

    /** How messages name one decision: "exception", "review", "admission". */
    String noun();

    PanacheRepositoryBase<D, UUID> repository();

    /** The 404 detail, e.g. "Exception not found.". */
    String notFound();

    /** The state as it stands at {@code now} (an exception past its end is expired); the stored state by default. */
    default String stateAt(D decision, Instant now) {
        return decision.state;
    }

    V view(D decision, Instant now);

    /** Views of a page of decisions; override to read what they share in one query. */
    default List<V> views(List<D> decisions, Instant now) {
        return decisions.stream().map(d -> view(d, now)).toList();
    }

    /** The decision as the audit event's before and after, and as its governance event's data: its view by default. */
    default Object auditState(D decision, V view) {
        return view;
    }

    /** Everyone who published a version the decision is about (for the four-eyes rule). */
    List<String> publishers(D decision);

    /** What an involvement means for this kind, addressed to the caller: "you requested this exception". */
    String describe(Involvement involvement);

    /** What a decision changes beyond its own row, in its transaction, before it is audited. Nothing by default. */
    default void decided(D decision, String outcome, Instant now) {
    }

    /** The governance event type announcing a decision with this outcome (or a revocation). */
    String eventType(String outcome);

    /** The versions whose listing the decision may change, announced with its event. */
    List<Long> versionIds(D decision);

    /** The conflict detail when a decision that is not approved is revoked. */
    default String notRevocable() {
        return "Only an approved " + noun() + " can be revoked.";
    }
}
