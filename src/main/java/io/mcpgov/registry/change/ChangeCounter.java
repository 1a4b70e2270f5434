package io.mcpgov.registry.change;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.common.BeforeCommit;
import io.mcpgov.registry.common.Jdbc;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry's change counter (table {@code registry_generation}): it moves with every committed change to what
 * agents may reach, in commit order, so that an answer computed under one value is still right while the counter
 * keeps it. Discovery caches on every instance compare against it before they answer. This class alone moves and
 * reads it.
 * <p>
 * A transaction that changes what agents may reach (what discovery answers say, for any reader) calls
 * {@link #moveAtCommit()}; one that changes nothing they see (a refused write, a check repeated with the same
 * result) does not, so that it does not empty every cache. The counter moves as the last statement before the
 * commit, after the audit trail's append ({@link BeforeCommit}): its row lock is then held only for the commit, and
 * no transaction holds it while it waits for another lock.
 */
@ApplicationScoped
public class ChangeCounter {

    private static final String MOVE = "UPDATE registry_generation SET generation = generation + 1 WHERE id = 1";
    private static final String MICROS = "(extract(epoch FROM %s) * 1000000)::bigint";

    /**
     * The counter as the database had it when read, the database's clock then, and the earliest horizon after it
     * (null when there is none).
     */
    public record Reading(long generation, Instant now, Instant horizon) {
    }

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final BeforeCommit beforeCommit;
    private final String read;

    @Inject
    ChangeCounter(AgroalDataSource dataSource, Jdbc jdbc, BeforeCommit beforeCommit,
            @All List<ListingHorizon> horizons) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.beforeCommit = beforeCommit;
        String horizon = horizons.isEmpty() ? "NULL::timestamptz" : horizons.size() == 1
                ? horizons.get(0).nextChangeSql()
                : horizons.stream().map(ListingHorizon::nextChangeSql).collect(Collectors.joining(", ", "LEAST(", ")"));
        // times as epoch microseconds: cheaper to read than timestamps, on the hottest query of the registry
        this.read = "SELECT generation, " + MICROS.formatted("now()") + ", " + MICROS.formatted(horizon)
                + " FROM registry_generation WHERE id = 1";
    }

    /**
     * The calling transaction changes what agents may reach: the counter moves just before it commits (once, however
     * often this is called), and not at all if it rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAtCommit() {
        beforeCommit.once(BeforeCommit.Step.CHANGE_COUNTER,
                () -> jdbc.update("Moving the change counter", MOVE, ps -> { }));
    }

    /** The counter now, with the database's clock and the next horizon, in one query outside any transaction. */
    public Reading read() {
        // prepared, so that the driver keeps it parsed and the server keeps it planned on each pooled connection
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(read);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long generation = rs.getLong(1);
            Instant now = micros(rs.getLong(2));
            long horizon = rs.getLong(3);
            return new Reading(generation, now, rs.wasNull() ? null : micros(horizon));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the change counter failed", e);
        }
    }

    private static Instant micros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000);
    }
}
