package io.mcpgov.registry.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names that by themselves say "this carries a credential": header names, and the names of variables, arguments,
 * query parameters, JSON members and schema properties.
 */
public final class CredentialNames {

    private static final Set<String> HEADERS = Set.of(
            "authorization", "authentication", "proxy-authorization", "x-api-key", "apikey", "api-key", "api_key");
    private static final String[] HEADER_SUFFIXES = {"-token", "-key", "-secret", "-password", "apikey", "_token",
            "_key", "_secret"};

    /** A name ending in one of these words names a credential ({@code DB_PASSWORD}, {@code clientSecret}). */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("password", "passwords", "passwd", "passphrase",
            "secret", "secrets", "token", "apikey", "apitoken", "accesstoken", "authtoken", "refreshtoken",
            "bearertoken", "sessiontoken", "secretkey", "privatekey", "accesskey", "clientsecret", "credential",
            "credentials", "pat", "auth", "authorization", "authentication", "cookie");

    /** Words before {@code token} that make it something else: a tokenizer's, a page's, a count. */
    private static final Set<String> NOT_A_CREDENTIAL_TOKEN = Set.of("page", "next", "continuation", "pagination",
            "cursor", "sync", "max", "min", "num", "number", "count", "limit", "total", "cancellation", "stop", "eos",
            "bos", "pad", "unk", "sep", "cls", "mask", "special", "start", "end", "csrf");

    /** Words before {@code key} that make it a credential ({@code API_KEY}, {@code signingKey}). */
    private static final Set<String> CREDENTIAL_KEY_QUALIFIERS = Set.of("api", "access", "secret", "private",
            "client", "auth", "signing", "sign", "encryption", "encrypt", "master", "license", "licence",
            "subscription", "account", "service", "app", "application", "admin", "personal", "consumer", "developer",
            "dev", "user", "session", "ssh", "gpg", "pgp", "hmac", "jwt", "webhook", "deploy", "integration",
            "project", "management", "write", "read", "root");

    /**
     * Words before {@code key} in an environment variable or argument name that make it something other than a
     * credential; any other {@code *_KEY} variable is taken for one ({@code OPENAI_KEY}, {@code MAPS_KEY}).
     */
    private static final Set<String> NOT_A_CREDENTIAL_KEY = Set.of("public", "primary", "foreign", "partition",
            "sort", "cache", "hash", "range", "routing", "object", "idempotency", "dedup", "dedupe", "group", "map",
            "hot", "shortcut", "index", "lookup", "unique", "composite", "row", "column", "field", "s3", "storage",
            "blob", "file", "sequence", "kms", "home", "escape");

    private static final int LONGEST_NAME = 200;

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
     * Whether a member, property, parameter or header name says its value is a credential. Decided on words, so
     * that the credential word must end the name: {@code api_key}, {@code accessToken}, {@code DB_PASSWORD},
     * {@code client-secret} and {@code X-Auth} do; {@code tokenizer}, {@code max_tokens}, {@code keyword},
     * {@code token_url}, {@code password_file}, {@code next_page_token} and {@code cache_key} do not. {@code key}
     * counts only after a word that makes it a credential ({@code api}, {@code secret}, {@code private} ...).
     */
    public static boolean namesCredential(String name) {
        return credential(name, false);
    }

    /**
     * The same for an environment variable's or argument's name, where any {@code *_KEY} is taken for a credential
     * unless a word says otherwise ({@code PUBLIC_KEY}, {@code CACHE_KEY}).
     */
    public static boolean namesCredentialVariable(String name) {
        return credential(name, true);
    }

    private static boolean credential(String name, boolean variable) {
        if (name == null || name.isBlank() || name.length() > LONGEST_NAME) {
            return false;
        }
        List<String> words = Words.of(name.replace("OAuth", "Oauth"));
        int last = words.size() - 1;
        while (last >= 0 && words.get(last).chars().allMatch(Character::isDigit)) {
            last--; // TOKEN_2
        }
        if (last < 0) {
            return false;
        }
        String word = words.get(last);
        String before = last > 0 ? words.get(last - 1) : null;
        return switch (word) {
            case "token" -> before == null || !NOT_A_CREDENTIAL_TOKEN.contains(before);
            case "key", "keys" -> before != null && (CREDENTIAL_KEY_QUALIFIERS.contains(before)
                    || variable && word.equals("key") && !NOT_A_CREDENTIAL_KEY.contains(before));
            case "pass", "pwd" -> before != null;
            default -> CREDENTIAL_WORDS.contains(word);
        };
    }
}
