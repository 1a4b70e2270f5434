package io.mcpgov.registry.input;

import io.mcpgov.registry.common.Pointers;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every decoded path and query parameter, and every field of a form, before any operation sees it: no longer than
 * {@link InputConfig#maxParameterLength()} (form fields are bounded by {@code quarkus.http.limits.max-form-attribute-size})
 * and text PostgreSQL can hold. One 400 lists every parameter refused. Runs on the thread the operation runs on (the
 * event loop for discovery reads) and costs one pass over characters the request already carried: over the raw
 * request target alone when that shows no parameter can be refused ({@link #plainTarget}).
 */
public class ParameterGuard {

    public static final String PARAMETER_TOO_LONG = "parameter-too-long";

    @Inject
    InputConfig limits;

    /** Form fields are read before this filter runs (and only for form bodies), so that they are checked too. */
    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        List<Violation> errors = new ArrayList<>();
        if (!plainTarget(http.uri(), limits.maxParameterLength())) {
            UriInfo uri = request.getUriInfo();
            check("path parameter", uri.getPathParameters(true), errors);
            check("query parameter", uri.getQueryParameters(true), errors);
        }
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() != null) {
            checkForm(context.getFormData(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request's parameters are refused.", errors.toArray(Violation[]::new));
        }
    }

    /**
     * Whether no parameter decoded from this raw request target can be refused: the target is no longer than a
     * parameter may be, and every character of it, and every percent-escape in it, is printable ASCII. Each decoded
     * parameter is then a part of it, no longer than it, and holds neither U+0000 nor a surrogate. Anything else (a
     * longer target, a raw byte above ASCII, an escape of a control character or of a UTF-8 sequence, a malformed
     * escape) is decoded and checked parameter by parameter.
     */
    static boolean plainTarget(String target, int maxParameterLength) {
        if (target == null || target.length() > maxParameterLength) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length()) {
                    return false;
                }
                int high = hexDigit(target.charAt(i + 1));
                int low = hexDigit(target.charAt(i + 2));
                if (high < 2 || high > 7 || low < 0 || (high == 7 && low == 0xF)) {
                    return false;
                }
                i += 2;
            } else if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return (c | 0x20) - 'a' + 10;
        }
        return -1;
    }

    private void check(String kind, MultivaluedMap<String, String> parameters, List<Violation> errors) {
        parameters.forEach((name, values) -> {
            if (!checkName(kind, name, errors)) {
                return;
            }
            for (String value : values) {
                check(kind, name, value, true, errors);
            }
        });
    }

    private void checkForm(FormData form, List<Violation> errors) {
        for (String name : form) {
            if (!checkName("form field", name, errors)) {
                continue;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem()) {
                    check("form field", name, value.getValue(), false, errors);
                }
            }
        }
    }

    /** Whether the name is sane enough to name the parameter in a refusal. */
    private boolean checkName(String kind, String name, List<Violation> errors) {
        if (name.length() > limits.maxParameterLength()) {
            errors.add(new Violation(PARAMETER_TOO_LONG, "", "A " + kind + " name is longer than "
                    + limits.maxParameterLength() + " characters."));
            return false;
        }
        String rule = StorableText.refusedBy(name);
        if (rule != null) {
            errors.add(StorableText.violation(rule, "", "A " + kind + " name"));
            return false;
        }
        return true;
    }

    private void check(String kind, String name, String value, boolean bounded, List<Violation> errors) {
        String pointer = Pointers.of(name);
        if (bounded && value.length() > limits.maxParameterLength()) {
            errors.add(new Violation(PARAMETER_TOO_LONG, pointer, "The " + kind + " " + name + " is longer than "
                    + limits.maxParameterLength() + " characters."));
            return;
        }
        StorableText.check(value, pointer, "The " + kind + " " + name).ifPresent(errors::add);
    }
}
