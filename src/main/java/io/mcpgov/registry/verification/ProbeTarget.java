package io.mcpgov.registry.verification;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL reduced to what the fetcher needs, checked for form only (no DNS yet): http or https, a server-based
 * authority without user information, a port in range, and a host that is either a host name or an IP literal in its
 * canonical form. Numeric hosts in any other form (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex
 * {@code 0x7f000001}, short {@code 127.1}) are refused: different parsers read them differently, which is how SSRF
 * filters are bypassed.
 *
 * @param literal the address when the host is an IP literal, otherwise null
 */
record ProbeTarget(URI uri, boolean https, String host, int port, String pathAndQuery, IPAddress literal) {

    private static final IPAddressStringParameters CANONICAL = canonicalParameters();
    private static final IPAddressStringParameters LENIENT = lenientParameters();
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");

    static ProbeTarget parse(String url) throws UrlRefusedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new UrlRefusedException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UrlRefusedException(UrlRefusedException.NOT_HTTPS, "only https URLs are fetched (scheme '" + scheme + "')");
        }
        if (uri.getHost() == null) {
            throw new UrlRefusedException("the URL has no valid host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UrlRefusedException("URLs with user information are refused");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new UrlRefusedException("port out of range");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        IPAddress literal = literal(host);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new ProbeTarget(uri, https, literal == null ? host : bare(host), port, pathAndQuery, literal);
    }

    /** scheme://host:port, for same-origin comparisons. */
    String origin() {
        return (https ? "https" : "http") + "://" + host + ":" + port;
    }

    private static IPAddress literal(String host) throws UrlRefusedException {
        if (host.contains("%")) {
            throw new UrlRefusedException("IPv6 zone identifiers are refused");
        }
        String bare = bare(host);
        IPAddressString canonical = new IPAddressString(bare, CANONICAL);
        if (host.startsWith("[")) {
            if (!canonical.isIPv6()) {
                throw new UrlRefusedException("not a valid IPv6 literal");
            }
            return canonical.getAddress();
        }
        if (canonical.isIPv4()) {
            return canonical.getAddress();
        }
        IPAddressString lenient = new IPAddressString(bare, LENIENT);
        if (lenient.isIPAddress()) {
            throw new UrlRefusedException("IP literal '" + host + "' is not in canonical dotted-decimal form"
                    + " (it designates " + lenient.getAddress() + ")");
        }
        String trimmed = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        String lastLabel = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            throw new UrlRefusedException("host '" + host + "' looks numeric but is not a canonical IP address");
        }
        return null;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static IPAddressStringParameters canonicalParameters() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowSingleSegment(false)
                .allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE).allow_inet_aton(false);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false);
        return builder.toParams();
    }

    private static IPAddressStringParameters lenientParameters() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowPrefix(false).allowMask(false).allowSingleSegment(true)
                .setRangeOptions(RangeParameters.NO_RANGE).allow_inet_aton(true);
        builder.getIPv4AddressParametersBuilder().allow_inet_aton_hex(true).allow_inet_aton_octal(true)
                .allow_inet_aton_joined_segments(true).allow_inet_aton_leading_zeros(true).allowLeadingZeros(true);
        return builder.toParams();
    }
}
