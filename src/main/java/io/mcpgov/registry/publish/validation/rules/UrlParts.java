package io.mcpgov.registry.publish.validation.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of an absolute URL that publish rules look at. Split by hand rather than with {@link java.net.URI}
 * because server.json URLs may hold {@code {variables}} anywhere (host, port, path), which URI refuses.
 */
public record UrlParts(String scheme, String userInfo, String host, String path, String query) {

    private static final Pattern ABSOLUTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$");
    private static final Pattern IPV4_PARTS = Pattern.compile("^(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}\\.?$");

    /** The parts of {@code url}, or empty when it is not an absolute URL with a host. */
    public static Optional<UrlParts> parse(String url) {
        if (url == null || url.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        Matcher m = ABSOLUTE.matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        String authority = m.group(2);
        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UrlParts(m.group(1).toLowerCase(Locale.ROOT), userInfo,
                host.toLowerCase(Locale.ROOT), m.group(3), m.group(4)));
    }

    public boolean isHttps() {
        return "https".equals(scheme);
    }

    public boolean isHttp() {
        return "http".equals(scheme);
    }

    /** localhost names, 127.0.0.0/8, 0.0.0.0 and ::1 (also written as IPv4-mapped or in shortened IPv4 forms). */
    public boolean isLoopback() {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (name.contains(":")) {
            return isLoopbackIpv6(name);
        }
        if (IPV4_PARTS.matcher(host).matches()) {
            Long address = ipv4Value(name);
            return address != null && ((address >>> 24) == 127 || address == 0);
        }
        return false;
    }

    private static boolean isLoopbackIpv6(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            return false; // zone ids and anything else that is not a plain literal; never resolved
        }
        try {
            // a string containing ':' is parsed as an IPv6 literal, never looked up in DNS
            InetAddress address = InetAddress.getByName("[" + literal + "]");
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The 32-bit value of an IPv4 literal in the forms inet_aton accepts (1 to 4 parts, decimal, octal, hex). */
    private static Long ipv4Value(String literal) {
        String[] parts = literal.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = partValue(parts[i]);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        long result = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            result |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        long lastMax = (1L << (8 * (5 - parts.length))) - 1;
        if (last > lastMax) {
            return null;
        }
        return result | last;
    }

    private static Long partValue(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
