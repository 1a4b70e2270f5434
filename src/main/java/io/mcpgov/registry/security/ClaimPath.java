package io.mcpgov.registry.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads a claim by a slash-separated path ({@code groups}, {@code realm_access/roles}). */
final class ClaimPath {

    private ClaimPath() {
    }

    static Object read(JsonWebToken jwt, String path) {
        String[] parts = path.split("/");
        Object current = jwt.getClaim(parts[0]);
        for (int i = 1; i < parts.length && current != null; i++) {
            if (current instanceof JsonObject object) {
                current = object.get(parts[i]);
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(parts[i]);
            } else {
                return null;
            }
        }
        return current;
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                out.add(item instanceof JsonString s ? s.getString() : String.valueOf(item));
            }
        } else if (value instanceof JsonString s) {
            out.add(s.getString());
        } else if (value instanceof String s) {
            out.add(s);
        }
        return out;
    }
}
