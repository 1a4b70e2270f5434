package io.mcpgov.registry.events;

import io.mcpgov.registry.audit.AuditLog;
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
 * listing gate (in the same transaction, so it sees the change) and compares with what was last announced.
 */
@ApplicationScoped
public class ListingReconciler {

    private final ServerRowRepository rows;
    private final EventOutbox outbox;
    private final AuditLog audit;

    ListingReconciler(ServerRowRepository rows, EventOutbox outbox, AuditLog audit) {
        this.audit = audit;
        this.rows = rows;
        this.outbox = outbox;
    }

    /** @param cause the audit action that may have changed their listing */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(List<Long> versionIds, String cause) {
        if (versionIds.isEmpty()) {
            return;
        }
        outbox.getEntityManager().flush();
        reconcileRows(rows.byIds(versionIds), cause);
    }

    /** The same, for rows already read through the listing gate in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcileRows(List<ServerRow> current, String cause) {
        Map<Long, EventOutbox.Listing> listings = new LinkedHashMap<>();
        Map<Long, ServerRow> byId = new LinkedHashMap<>();
        for (ServerRow row : current) {
            boolean listed = row.listed() && !"deleted".equals(row.status());
            List<String> reasons = reasons(row);
            listings.put(row.id(), new EventOutbox.Listing(row.id(), listed, String.join(",", reasons)));
            byId.put(row.id(), row);
        }
        Set<Long> changed = outbox.recordListings(listings.values());
        if (changed.isEmpty()) {
            return;
        }
        audit.visibleChange();
        List<EventOutbox.NewEvent> events = new ArrayList<>();
        for (EventOutbox.Listing listing : listings.values()) {
            if (!changed.contains(listing.versionId())) {
                continue;
            }
            ServerRow row = byId.get(listing.versionId());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", row.name());
            data.put("version", row.version());
            data.put("listed", listing.listed());
            data.put("reasons", reasons(row));
            data.put("cause", cause);
            events.add(new EventOutbox.NewEvent(listing.listed() ? EventTypes.ENTRY_LISTED : EventTypes.ENTRY_HIDDEN,
                    row.name(), data));
        }
        outbox.appendAll(events);
    }

    private static List<String> reasons(ServerRow row) {
        return "deleted".equals(row.status()) && row.hiddenBy().isEmpty() ? List.of("deleted") : row.hiddenBy();
    }
}
