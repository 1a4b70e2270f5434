package io.mcpgov.registry.change;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.common.Jdbc;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The table {@code registry_generation}, the change counter's one row; {@link ChangeCounter} alone uses it. */
@ApplicationScoped
class ChangeCounterRepository {

    private static final String MOVE = "UPDATE registry_generation SET generation = generation + 1 WHERE id = 1";
    private static final String MICROS = "(extract(epoch FROM %s) * 1000000)::bigint";

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final String read;

    @Inject
    ChangeCounterRepository(AgroalDataSource dataSource, Jdbc jdbc, @All List<ListingHorizon> horizons) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        String horizon = horizons.isEmpty() ? "NULL::timestamptz" : horizons.size() == 1
                ? horizons.get(0).nextChangeSql()
                : horizons.stream().map(ListingHorizon::nextChangeSql).collect(Collectors.joining(", ", "LEAST(", ")"));
        // times as epoch microseconds: cheaper to read than timestamps, on the hottest query of the registry
        this.read = "SELECT generation, " + MICROS.formatted("now()") + ", " + MICROS.formatted(horizon)
                + " FROM registry_generation WHERE id = 1";
    }

    /** Moves the counter, in the calling transaction. */
    void move() {
        jdbc.update("Moving the change counter", MOVE, ps -> { });
    }

    /** The counter now, with the database's clock and the next horizon, in one query outside any transaction. */
    ChangeCounter.Reading read() {
        // prepared, so that the driver keeps it parsed and the server keeps it planned on each pooled connection
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(read);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long generation = rs.getLong(1);
            Instant now = micros(rs.getLong(2));
            long horizon = rs.getLong(3);
            return new ChangeCounter.Reading(generation, now, rs.wasNull() ? null : micros(horizon));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the change counter failed", e);
        }
    }

    private static Instant micros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000);
    }
}
