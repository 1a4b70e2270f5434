package io.mcpgov.registry.server;

/**
 * A time at which what agents see may change without any write, such as the end of an approved exception. Cached
 * reads are never served past the earliest horizon. Implementations are CDI beans.
 */
public interface ListingHorizon {

    /** A scalar SQL expression: the next such moment after now (timestamptz), or null when there is none. */
    String nextChangeSql();
}
