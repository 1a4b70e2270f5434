package io.mcpgov.registry.tool;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scopes that grant everything ({@code *}, {@code all}, {@code admin}, {@code full-access}, configurable). A scope is
 * omnibus when it, or its last segment after {@code .}, {@code :} or {@code /}, is one of them, ignoring case: so
 * {@code admin}, {@code weather.admin}, {@code repo:*} and {@code https://api.example.com/all} are flagged.
 */
public final class OmnibusScopes {

    private final Set<String> values;

    public OmnibusScopes(List<String> values) {
        this.values = values.stream().map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean matches(String scope) {
        if (scope == null || scope.isEmpty()) {
            return false;
        }
        String lower = scope.toLowerCase(Locale.ROOT);
        if (values.contains(lower)) {
            return true;
        }
        int cut = Math.max(lower.lastIndexOf('.'), Math.max(lower.lastIndexOf(':'), lower.lastIndexOf('/')));
        // no value is empty, so a scope that ends with a separator matches none
        return cut >= 0 && values.contains(lower.substring(cut + 1));
    }
}
