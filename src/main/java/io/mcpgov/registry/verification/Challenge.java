package io.mcpgov.registry.verification;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One authentication challenge of a WWW-Authenticate header; parameter names are lower-case. */
record Challenge(String scheme, Map<String, String> params) {

    boolean isBearer() {
        return scheme.equalsIgnoreCase("Bearer");
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT))).filter(value -> !value.isBlank());
    }
}
