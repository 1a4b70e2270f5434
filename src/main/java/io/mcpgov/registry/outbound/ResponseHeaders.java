package io.mcpgov.registry.outbound;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Response headers as an immutable map with lower-case names. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static Map<String, List<String>> lowerCased(MultiMap headers) {
        Map<String, List<String>> map = new TreeMap<>();
        for (Map.Entry<String, String> entry : headers) {
            map.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(entry.getValue());
        }
        map.replaceAll((name, values) -> List.copyOf(values));
        return Map.copyOf(map);
    }

    /** The declared Content-Length, or -1 when absent or unreadable. */
    static long contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.getOrDefault("content-length", List.of());
        if (values.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
