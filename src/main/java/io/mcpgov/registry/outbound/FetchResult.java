package io.mcpgov.registry.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one fetch, never an exception. Either {@code failure} is set (with a message), or {@code status},
 * lower-case {@code headers} and the {@code body} (UTF-8; empty for headers-only requests) are; {@code truncated}
 * means the body was longer than the cap and reading stopped there.
 *
 * @param url       the URL of the last hop
 * @param redirects the redirect targets followed, in order
 */
public record FetchResult(String url, FetchFailure failure, String message, int status,
                          Map<String, List<String>> headers, String body, boolean truncated, List<String> redirects,
                          Duration elapsed) {

    public static FetchResult failed(String url, FetchFailure failure, String message, List<String> redirects,
                              Duration elapsed) {
        return new FetchResult(url, failure, message, 0, Map.of(), "", false, List.copyOf(redirects), elapsed);
    }

    public boolean responded() {
        return failure == null;
    }

    public boolean isSuccess() {
        return responded() && status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** "401", or "timeout: connect timed out after 3000 ms": what happened, for observations. */
    public String outcome() {
        if (responded()) {
            return truncated ? status + " (body cut at the size cap)" : String.valueOf(status);
        }
        return failure.id() + ": " + message;
    }
}
