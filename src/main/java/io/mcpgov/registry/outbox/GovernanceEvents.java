package io.mcpgov.registry.outbox;

import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.server.ServerRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What services call when a change alters what agents may reach: the change's own event, and the listing changes of
 * the versions it touches. Both go to the outbox in the caller's transaction, and both move the change counter of the
 * discovery caches: an event of its own always (a decision, an expiry, a finding changes what entries say), a version
 * only when its listing changed (a background check that changes no listing keeps the caches).
 */
@ApplicationScoped
public class GovernanceEvents {

    private final GovernanceEventRepository outbox;
    private final ListingReconciler listings;
    private final ChangeCounter counter;

    GovernanceEvents(GovernanceEventRepository outbox, ListingReconciler listings, ChangeCounter counter) {
        this.outbox = outbox;
        this.counter = counter;
        this.listings = listings;
    }

    /** Versions whose listing may have changed; announces those that did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void versionsChanged(List<Long> versionIds, String cause) {
        listings.reconcile(versionIds, cause);
    }

    /** The same, for rows already read through the listing gate in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void listingOf(List<ServerRow> rows, String cause) {
        listings.reconcileRows(rows, cause);
    }

    /** An event of its own, and then the listing of the versions it affects. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String type, String serverName, Object data, List<Long> versionIds, String cause) {
        outbox.append(type, serverName, data);
        counter.moveAtCommit();
        listings.reconcile(versionIds, cause);
    }
}
