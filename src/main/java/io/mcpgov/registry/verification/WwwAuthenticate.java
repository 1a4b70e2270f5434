package io.mcpgov.registry.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses WWW-Authenticate header values (RFC 9110 section 11.6.1): one or more challenges, each a scheme followed by
 * a token68 or by comma-separated {@code name=token} / {@code name="quoted string"} parameters. Lenient: malformed
 * parts are skipped rather than rejected, because the checks judge what a client would understand.
 */
final class WwwAuthenticate {

    private WwwAuthenticate() {
    }

    static List<Challenge> parse(List<String> headerValues) {
        List<Challenge> challenges = new ArrayList<>();
        for (String value : headerValues) {
            new Parser(value, challenges).run();
        }
        return challenges;
    }

    private static final class Parser {
        private final String text;
        private final List<Challenge> out;
        private int pos;
        private String scheme;
        private Map<String, String> params;
        private boolean justReadScheme;

        Parser(String text, List<Challenge> out) {
            this.text = text == null ? "" : text;
            this.out = out;
        }

        void run() {
            while (true) {
                skip(" \t");
                if (peek() == ',') {
                    pos++;
                    justReadScheme = false;
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                String token = token();
                if (token.isEmpty()) {
                    pos++;
                    continue;
                }
                skip(" \t");
                if (scheme != null && peek() == '=' && isParamValueNext()) {
                    pos++;
                    skip(" \t");
                    String value = peek() == '"' ? quoted() : bareValue();
                    params.putIfAbsent(token.toLowerCase(Locale.ROOT), value);
                    justReadScheme = false;
                } else if (scheme != null && (justReadScheme || peek() == '=')) {
                    // a token68 after the scheme (possibly '='-padded): not used by Bearer challenges, skipped
                    while (peek() == '=') {
                        pos++;
                    }
                    justReadScheme = false;
                } else {
                    startChallenge(token);
                }
            }
            finishChallenge();
        }

        private boolean isParamValueNext() {
            int look = pos + 1;
            while (look < text.length() && (text.charAt(look) == ' ' || text.charAt(look) == '\t')) {
                look++;
            }
            return look < text.length() && text.charAt(look) != '=' && text.charAt(look) != ',';
        }

        private void startChallenge(String name) {
            finishChallenge();
            scheme = name;
            params = new LinkedHashMap<>();
            justReadScheme = true;
        }

        private void finishChallenge() {
            if (scheme != null) {
                out.add(new Challenge(scheme, Map.copyOf(params)));
                scheme = null;
            }
        }

        private String token() {
            int start = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** An unquoted value; read up to the next separator, so that a (strictly invalid) bare URL survives. */
        private String bareValue() {
            int start = pos;
            while (pos < text.length() && ", \t".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    value.append(text.charAt(pos++));
                } else if (c == '"') {
                    return value.toString();
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skip(String characters) {
            while (pos < text.length() && characters.indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        /** tchar of RFC 9110, plus '/' so that token68 values are consumed whole. */
        private static boolean isTokenChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~/".indexOf(c) >= 0;
        }
    }
}
