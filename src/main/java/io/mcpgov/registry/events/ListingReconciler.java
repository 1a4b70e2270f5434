package io.mcpgov.registry.events;

import io.mcpgov.registry.server.ServerRow;
import io.mcpgov.registry.server.ServerRowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Announces when versions become listed or hidden: after a change, it reads the affected versions through the
 * listing gate (in the same transaction, so it sees the change) and compares with what was last announced.
 */
@ApplicationScoped
public class ListingReconciler {

    private final ServerRowRepository rows;
    private final EventOutbox outbox;

    ListingReconciler(ServerRowRepository rows, EventOutbox outbox) {
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
        for (ServerRow row : rows.byIds(versionIds)) {
            boolean listed = row.listed() && !"deleted".equals(row.status());
            List<String> reasons = "deleted".equals(row.status()) && row.hiddenBy().isEmpty()
                    ? List.of("deleted") : row.hiddenBy();
            String reasonText = String.join(",", reasons);
            @SuppressWarnings("unchecked")
            List<Object[]> previous = outbox.getEntityManager()
                    .createNativeQuery("SELECT listed, reasons FROM listing_state WHERE server_version_id = ?1")
                    .setParameter(1, row.id())
                    .getResultList();
            if (!previous.isEmpty() && (Boolean) previous.get(0)[0] == listed && reasonText.equals(previous.get(0)[1])) {
                continue;
            }
            outbox.getEntityManager().createNativeQuery("""
                    INSERT INTO listing_state (server_version_id, listed, reasons) VALUES (?1, ?2, ?3)
                    ON CONFLICT (server_version_id) DO UPDATE SET listed = EXCLUDED.listed, reasons = EXCLUDED.reasons""")
                    .setParameter(1, row.id()).setParameter(2, listed).setParameter(3, reasonText)
                    .executeUpdate();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", row.name());
            data.put("version", row.version());
            data.put("listed", listed);
            data.put("reasons", reasons);
            data.put("cause", cause);
            outbox.append(listed ? EventTypes.ENTRY_LISTED : EventTypes.ENTRY_HIDDEN, row.name(), data);
        }
    }
}
