package io.mcpgov.registry.input;

import io.mcpgov.registry.common.Pointers;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
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
 * event loop for discovery reads) and costs one pass over characters the request already carried.
 */
public class ParameterGuard {

    public static final String PARAMETER_TOO_LONG = "parameter-too-long";

    @Inject
    InputConfig limits;

    /** Form fields are read before this filter runs (and only for form bodies), so that they are checked too. */
    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request) {
        List<Violation> errors = new ArrayList<>();
        UriInfo uri = request.getUriInfo();
        check("path parameter", uri.getPathParameters(true), errors);
        check("query parameter", uri.getQueryParameters(true), errors);
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() != null) {
            checkForm(context.getFormData(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request's parameters are refused.", errors.toArray(Violation[]::new));
        }
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
