package io.mcpgov.registry.change;

/**
 * A time at which what agents see may change without any write, such as the end of an approved exception. Cached
 * reads are never served past the earliest horizon, which {@link ChangeCounter#read()} reads with the counter.
 * Implementations are CDI beans.
 */
public interface ListingHorizon {

    /**
     * A scalar SQL expression: the next such moment strictly after {@code now()} (timestamptz), or null when there is
     * none. Strictly after: once a moment has passed, the expression names the next one, so an answer kept for the
     * horizon read before it is no longer asked for.
     */
    String nextChangeSql();
}
