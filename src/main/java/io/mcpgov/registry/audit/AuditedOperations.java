package io.mcpgov.registry.audit;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * Which operations are writes: every POST, PUT, PATCH and DELETE, except those whose OpenAPI operation carries
 * {@code x-audit-event: none} (they change nothing, such as validate). A write records an audit event for every
 * change it makes, and a refused attempt (401, 403) as {@code authorization.denied}. The OpenAPI document shows the
 * exemption, and the audit coverage test reads it there.
 */
public final class AuditedOperations {

    /** OpenAPI extension on an operation that changes nothing although its method is a write method. */
    public static final String EXTENSION = "x-audit-event";
    public static final String NONE = "none";

    private AuditedOperations() {
    }

    public static boolean isWrite(Method method) {
        if (method == null || !(method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class))) {
            return false;
        }
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (EXTENSION.equals(extension.name()) && NONE.equals(extension.value())) {
                return false;
            }
        }
        return true;
    }
}
