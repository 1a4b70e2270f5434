package io.mcpgov.registry.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Makes server-supplied text safe to store and show: control characters removed, length capped, user information
 * removed from URLs. Observations quote what the server published, which is public, but never more than needed.
 */
public final class Observed {

    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_SENTENCE_LENGTH = 1000;

    private Observed() {
    }

    /** One server-supplied value. */
    public static String text(Object value) {
        return capped(value, MAX_VALUE_LENGTH);
    }

    /** A whole observation, which may quote several values. */
    public static String sentence(String observation) {
        return capped(observation, MAX_SENTENCE_LENGTH);
    }

    private static String capped(Object value, int max) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", " ");
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() != null) {
                URI stripped = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(),
                        uri.getQuery(), uri.getFragment());
                return text(stripped.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            return text(url.replaceAll("//[^/@]*@", "//"));
        }
        return text(url);
    }

    public static String list(Collection<?> values) {
        return values.stream().map(Observed::text).collect(Collectors.joining(", ", "[", "]"));
    }
}
