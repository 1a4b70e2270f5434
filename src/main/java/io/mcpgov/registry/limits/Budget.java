package io.mcpgov.registry.limits;

import io.mcpgov.registry.common.RegistryMeta;

/** What a request is counted against. */
public enum Budget {
    READS("reads"),
    WRITES("writes"),
    VALIDATE("validate"),
    VERIFY_NOW("verify-now"),
    IMPORTS("imports"),
    BAD_TOKENS("bad-tokens");

    private static final String SERVERS = RegistryMeta.EXTENSION_PATH + "/servers/";

    private final String id;

    Budget(String id) {
        this.id = id;
    }

    /** The name in settings, problems and metrics, e.g. {@code verify-now}. */
    public String id() {
        return id;
    }

    /**
     * The budget of an API request, from its method and (decoded) path; null outside the API (the console, whose
     * pages call the same services, and the operational endpoints).
     */
    public static Budget of(String method, String path) {
        if (!isApi(path)) {
            return null;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        switch (method) {
            case "GET", "HEAD", "OPTIONS" -> {
                return READS;
            }
            case "POST" -> {
                if (p.equals("/v0.1/validate") || p.equals("/v0/validate")) {
                    return VALIDATE;
                }
                if (p.equals(RegistryMeta.EXTENSION_PATH + "/imports")) {
                    return IMPORTS;
                }
                if (p.startsWith(SERVERS)) {
                    if (p.endsWith("/verification")) {
                        return VERIFY_NOW;
                    }
                    if (p.endsWith("/scope-plan") || p.endsWith("/tools-for-scopes")) {
                        return READS;
                    }
                }
                return WRITES;
            }
            default -> {
                return WRITES;
            }
        }
    }

    private static boolean isApi(String path) {
        return path.startsWith("/v0/") || path.startsWith("/v0.1/") || path.equals("/v0") || path.equals("/v0.1");
    }
}
