package io.mcpgov.registry.outbox;

import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.server.ServerRow;
import io.mcpgov.registry.server.ServerRowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Announces when versions become listed or hidden: after a change, it reads the affected versions through the
 * listing gate (in the same transaction, so it sees the change) and compares with what was last announced. A listing
 * that changed moves the change counter, so that no discovery cache answers from before it.
 */
@ApplicationScoped
public class ListingReconciler {

    private final ServerRowRepository rows;
    private final ListingStateRepository states;
    private final GovernanceEventRepository outbox;
    private final ChangeCounter counter;

    ListingReconciler(ServerRowRepository rows, ListingStateRepository states, GovernanceEventRepository outbox,
            ChangeCounter counter) {
        this.counter = counter;
        this.rows = rows;
        this.states = states;
        this.outbox = outbox;
    }

    /** @param cause the audit action that may have changed their listing */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(List<Long> versionIds, String cause) {
        if (versionIds.isEmpty()) {
            return;
        }
        outbox.flush();
        reconcileRows(rows.byIds(versionIds), cause);
    }

    /** The same, for rows already read through the listing gate in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcileRows(List<ServerRow> current, String cause) {
        Map<Long, Decision> decisions = new LinkedHashMap<>();
        current.forEach(row -> decisions.put(row.id(), Decision.of(row)));
        Set<Long> changed = states.recordListings(decisions.values().stream().map(Decision::listing).toList());
        if (changed.isEmpty()) {
            return;
        }
        counter.moveAtCommit();
        List<GovernanceEventRepository.NewEvent> events = new ArrayList<>();
        for (Decision decision : decisions.values()) {
            if (changed.contains(decision.row().id())) {
                events.add(decision.event(cause));
            }
        }
        outbox.appendAll(events);
    }

    /** What the gate decides for one version now. */
    private record Decision(ServerRow row, boolean listed, List<String> reasons) {

        static Decision of(ServerRow row) {
            boolean deleted = "deleted".equals(row.status());
            return new Decision(row, row.listed() && !deleted,
                    deleted && row.hiddenBy().isEmpty() ? List.of("deleted") : row.hiddenBy());
        }

        ListingStateRepository.Listing listing() {
            return new ListingStateRepository.Listing(row.id(), listed, String.join(",", reasons));
        }

        GovernanceEventRepository.NewEvent event(String cause) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", row.name());
            data.put("version", row.version());
            data.put("listed", listed);
            data.put("reasons", reasons);
            data.put("cause", cause);
            return new GovernanceEventRepository.NewEvent(listed ? EventTypes.ENTRY_LISTED : EventTypes.ENTRY_HIDDEN,
                    row.name(), data);
        }
    }
}
