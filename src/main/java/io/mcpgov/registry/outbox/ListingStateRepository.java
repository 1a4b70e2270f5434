package io.mcpgov.registry.outbox;

import io.mcpgov.registry.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** What was last announced about each version's listing (table {@code listing_state}). */
@ApplicationScoped
class ListingStateRepository {

    /** One version's listing as the gate decides it now. */
    record Listing(long versionId, boolean listed, String reasons) {
    }

    private final Jdbc jdbc;

    ListingStateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records whether versions are listed and why not, in one statement; the ids of those whose state changed
     * (versions whose state is what was last recorded are left as they are).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<Long> recordListings(Collection<Listing> listings) {
        if (listings.isEmpty()) {
            return Set.of();
        }
        Long[] ids = listings.stream().map(Listing::versionId).toArray(Long[]::new);
        Boolean[] listed = listings.stream().map(Listing::listed).toArray(Boolean[]::new);
        String[] reasons = listings.stream().map(Listing::reasons).toArray(String[]::new);
        return new HashSet<>(jdbc.list("Recording listing states", """
                INSERT INTO listing_state (server_version_id, listed, reasons)
                SELECT * FROM unnest(?::bigint[], ?::boolean[], ?::text[])
                ON CONFLICT (server_version_id) DO UPDATE SET listed = EXCLUDED.listed, reasons = EXCLUDED.reasons
                WHERE (listing_state.listed, listing_state.reasons) IS DISTINCT FROM (EXCLUDED.listed, EXCLUDED.reasons)
                RETURNING server_version_id""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids));
            ps.setArray(2, ps.getConnection().createArrayOf("boolean", listed));
            Jdbc.setTextArray(ps, 3, reasons);
        }, rs -> rs.getLong(1)));
    }
}
