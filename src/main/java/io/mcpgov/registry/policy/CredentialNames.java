package io.mcpgov.registry.policy;

import java.util.Locale;
import java.util.Set;

/** Header and variable names that by themselves say "this carries a credential". */
public final class CredentialNames {

    private static final Set<String> HEADERS = Set.of(
            "authorization", "authentication", "proxy-authorization", "x-api-key", "apikey", "api-key", "api_key");
    private static final String[] HEADER_SUFFIXES = {"-token", "-key", "-secret", "-password", "apikey", "_token",
            "_key", "_secret"};

    private static final String[] SECRET_WORDS = {"token", "secret", "password", "passwd", "apikey", "api_key",
            "api-key", "private_key", "access_key", "credential", "auth"};

    private CredentialNames() {
    }

    /**
     * {@code Authorization}, {@code Authentication}, {@code Proxy-Authorization}, {@code X-API-Key}, {@code ApiKey},
     * {@code Api-Key}, {@code *-Token}, {@code *-Key}, {@code *-Secret}, {@code *-Password}, {@code *apikey},
     * {@code X-Auth-*}; case-insensitive.
     */
    public static boolean isCredentialHeader(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (HEADERS.contains(lower) || lower.startsWith("x-auth-")) {
            return true;
        }
        for (String suffix : HEADER_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A looser test for environment variable, argument and query parameter names ({@code GITHUB_TOKEN},
     * {@code OPENAI_API_KEY}, {@code access_token}): used only to scan such values more closely for secrets.
     */
    public static boolean soundsSecret(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (isCredentialHeader(lower) || lower.equals("key") || lower.endsWith("key")) {
            return true;
        }
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
