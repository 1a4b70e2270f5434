package io.mcpgov.registry.verification;

/**
 * A URL or address the fetcher will not contact, with the rule that refuses it: {@link #URL_INVALID} for its form,
 * {@link #NOT_HTTPS} for its scheme, otherwise the {@link AddressCategory#ruleId()} of the address. Internal: the
 * fetcher turns it into a {@link FetchResult}, or a {@link SafeFetcher.Refusal} when a URL is checked ahead.
 */
final class UrlRefusedException extends Exception {

    static final String URL_INVALID = "url-invalid";
    static final String NOT_HTTPS = "not-https";

    private final String ruleId;

    UrlRefusedException(String message) {
        this(URL_INVALID, message);
    }

    UrlRefusedException(String ruleId, String message) {
        super(message, null, false, false);
        this.ruleId = ruleId;
    }

    String ruleId() {
        return ruleId;
    }
}
