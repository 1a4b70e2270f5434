package io.mcpgov.registry.common;

/**
 * The database did not answer in time, noticed by the registry itself rather than by the driver (a discovery read
 * that waited for the change counter too long). Answered 503 with {@code Retry-After}, like a failed connection.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
    }
}
