package io.mcpgov.registry.audit;

import io.mcpgov.registry.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Walks the chain from the first event and names the first one whose hash or link does not hold. */
@ApplicationScoped
public class AuditVerifier {

    private final AuditTrailRepository reader;

    AuditVerifier(AuditTrailRepository reader) {
        this.reader = reader;
    }

    public ChainVerification verify() {
        var walk = new Object() {
            String expectedPrev = AuditHash.GENESIS;
            ChainVerification.Head head;
            ChainVerification.Broken broken;
        };
        long checked;
        try {
            checked = reader.stream(AuditFilter.ALL, event -> {
                walk.broken = check(event, walk.expectedPrev);
                if (walk.broken != null) {
                    return false;
                }
                walk.expectedPrev = event.hash();
                walk.head = new ChainVerification.Head(event.record().id(), event.hash());
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChainVerification(walk.broken == null, checked, walk.head, walk.broken, Times.now());
    }

    static ChainVerification.Broken check(StoredEvent event, String expectedPrev) {
        long id = event.record().id();
        if (event.hash() == null || event.prevHash() == null) {
            return new ChainVerification.Broken(id, "missing-hash", "Event " + id + " carries no hash.");
        }
        if (!event.prevHash().equals(expectedPrev)) {
            return new ChainVerification.Broken(id, "link-broken", "Event " + id + " does not link to the event"
                    + " before it: an event before it was removed, inserted or re-hashed.");
        }
        if (!AuditHash.hash(event.record(), event.prevHash()).equals(event.hash())) {
            return new ChainVerification.Broken(id, "content-altered", "Event " + id + "'s content no longer matches"
                    + " its hash: it was changed after it was written.");
        }
        return null;
    }
}
