package io.mcpgov.registry.policy;

import io.mcpgov.registry.policy.SecretDetector.Bar;
import io.mcpgov.registry.policy.SecretDetector.Detection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials in the URLs written anywhere in a string: a password or a random token as user-info, a value of a query
 * or fragment parameter named for a credential ({@code access_token}, {@code api_key}, {@code key}, {@code sig}), and
 * random path segments or parameter values. Each URL is read once, left to right.
 */
final class UrlCredentials {

    /** Parameter names that carry credentials in URLs although elsewhere they need not. */
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("key", "sig", "signature", "pass", "pwd", "pw");

    private UrlCredentials() {
    }

    static Optional<Detection> find(String text) {
        int from = 0;
        while (true) {
            int separator = text.indexOf("://", from);
            if (separator < 0) {
                return Optional.empty();
            }
            int start = separator + 3;
            int end = start;
            while (end < text.length() && !endsUrl(text.charAt(end))) {
                end++;
            }
            Optional<Detection> found = inUrl(text.substring(start, end));
            if (found.isPresent()) {
                return found;
            }
            from = Math.max(end, start);
        }
    }

    /** @param rest the URL after {@code scheme://} */
    private static Optional<Detection> inUrl(String rest) {
        int authorityEnd = 0;
        while (authorityEnd < rest.length() && "/?#".indexOf(rest.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = rest.lastIndexOf('@', authorityEnd - 1);
        if (at >= 0) {
            Optional<Detection> inUserInfo = inUserInfo(decode(rest.substring(0, at)));
            if (inUserInfo.isPresent()) {
                return inUserInfo;
            }
        }
        String afterAuthority = rest.substring(authorityEnd);
        int fragment = afterAuthority.indexOf('#');
        String beforeFragment = fragment >= 0 ? afterAuthority.substring(0, fragment) : afterAuthority;
        int query = beforeFragment.indexOf('?');
        String path = query >= 0 ? beforeFragment.substring(0, query) : beforeFragment;
        for (String segment : path.split("/")) {
            if (SecretDetector.hasRandomToken(decode(segment), Bar.ANY)) {
                return Optional.of(new Detection(SecretKind.HIGH_ENTROPY, "a URL path segment"));
            }
        }
        if (query >= 0) {
            Optional<Detection> inQuery = inParameters(beforeFragment.substring(query + 1));
            if (inQuery.isPresent()) {
                return inQuery;
            }
        }
        return fragment >= 0 ? inParameters(afterAuthority.substring(fragment + 1)) : Optional.empty();
    }

    private static Optional<Detection> inUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            return SecretDetector.isCredential(userInfo.substring(colon + 1).trim())
                    ? Optional.of(new Detection(SecretKind.URL_PASSWORD, "the URL's user-info"))
                    : Optional.empty();
        }
        return SecretDetector.hasRandomToken(userInfo, Bar.CREDENTIAL)
                ? Optional.of(new Detection(SecretKind.HIGH_ENTROPY, "the URL's user-info"))
                : Optional.empty();
    }

    private static Optional<Detection> inParameters(String parameters) {
        for (String parameter : parameters.split("[&;]")) {
            int equals = parameter.indexOf('=');
            String name = equals >= 0 ? decode(parameter.substring(0, equals)) : "";
            String value = decode(equals >= 0 ? parameter.substring(equals + 1) : parameter);
            if (CredentialNames.namesCredential(name) || CREDENTIAL_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                Optional<SecretKind> kind = SecretDetector.credentialValue(value);
                if (kind.isPresent()) {
                    return Optional.of(new Detection(kind.get(), "query parameter " + SecretDetector.quotedName(name)));
                }
            } else if (SecretDetector.hasRandomToken(value, Bar.ANY)) {
                return Optional.of(new Detection(SecretKind.HIGH_ENTROPY, "a query parameter"));
            }
        }
        return Optional.empty();
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || "\"'<>`^{}|\\".indexOf(c) >= 0;
    }

    /** Percent-decoding as UTF-8; a {@code +} stays a plus (base64 tokens keep theirs), a broken escape stays as is. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
