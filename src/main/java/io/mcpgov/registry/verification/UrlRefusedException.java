package io.mcpgov.registry.verification;

/** A URL or address the fetcher will not contact. Internal: the fetcher turns it into a {@link FetchResult}. */
final class UrlRefusedException extends Exception {

    UrlRefusedException(String message) {
        super(message, null, false, false);
    }
}
