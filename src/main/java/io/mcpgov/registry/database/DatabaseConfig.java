package io.mcpgov.registry.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the registry waits for PostgreSQL. Request work (every API and console request, discovery's change
 * counter, background sweeps, deliveries and verifications) is held to the short limits, so that a database that is
 * slow, locked or no longer answering turns into a 503 within seconds; long work (see {@link LongWork}) to the long
 * one. The driver-level values are supplied to the data source by {@link DriverTimeouts} at start.
 */
@ConfigMapping(prefix = "registry.database")
public interface DatabaseConfig {

    String STATEMENT_TIMEOUT = "3s";
    String LOCK_TIMEOUT = "2s";
    String NETWORK_TIMEOUT = "4s";
    String CONNECT_TIMEOUT = "3s";

    /** Longest one statement of request work runs on the server before PostgreSQL cancels it (503). */
    @WithDefault(STATEMENT_TIMEOUT)
    Duration statementTimeout();

    /** Longest one statement of request work waits for a lock (a row, a table, the audit chain) before it fails (503). */
    @WithDefault(LOCK_TIMEOUT)
    Duration lockTimeout();

    /**
     * Longest the registry waits for any answer of the server on an open connection, for a server that stops
     * answering without closing its connections (a frozen host, a network partition); rounded up to whole seconds.
     * Also bounds how long a discovery read waits for the change counter. Keep it above the statement timeout, so
     * that a slow statement is cancelled by the server (the connection survives) before the connection is given up.
     */
    @WithDefault(NETWORK_TIMEOUT)
    Duration networkTimeout();

    /**
     * Longest the TCP connect of a new connection may take; rounded up to whole seconds. Its login then waits for each
     * answer at most {@link #networkTimeout()}.
     */
    @WithDefault(CONNECT_TIMEOUT)
    Duration connectTimeout();

    /**
     * Longest one statement of long work may run or wait for a lock: schema migrations at start, the audit export
     * and chain verification, the entitlement report, an access review campaign's creation, statistics after an
     * import. Such work waits for the server's answers this long plus {@link #networkTimeout()}. 0 sets no limit at
     * all: such work then waits as long as the server takes, even a server that no longer answers.
     */
    @WithDefault("10m")
    Duration longStatementTimeout();

    /** Longest the readiness check ({@code /q/health/ready}) waits for the database before it reports DOWN. */
    @WithDefault("2s")
    Duration readinessTimeout();
}
