package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.mcpgov.registry.common.Pointers;
import io.mcpgov.registry.common.Violation;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a JSON body that could not be read as the operation's request becomes: a 400 (413 for a body too large) whose
 * violation names the JSON pointer, and says what was expected there, never the parser's own words or the input.
 */
public final class JsonRefusals {

    public static final String MALFORMED_JSON = "malformed-json";
    public static final String INVALID_TYPE = "invalid-type";
    public static final String INVALID_VALUE = "invalid-value";

    /** @param violations every reason, each with its JSON pointer */
    public record Refusal(int status, String detail, List<Violation> violations) {
    }

    private JsonRefusals() {
    }

    public static Refusal of(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputRefusal refusal) {
                return new Refusal(refusal.status(), refusal.violation().message(), List.of(refusal.violation()));
            }
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch);
        }
        if (e instanceof JsonMappingException withPath) {
            String pointer = pointer(withPath);
            return badRequest(new Violation(INVALID_VALUE, pointer, "The value at " + StorableText.describe(pointer)
                    + " is not valid for this operation."));
        }
        String where = e instanceof JsonEOFException ? ": it ends unexpectedly" : at(e.getLocation());
        return badRequest(new Violation(MALFORMED_JSON, "", "The body is not valid JSON" + where + "."));
    }

    private static Refusal mismatch(MismatchedInputException e) {
        String pointer = pointer(e);
        String expected = expected(e.getTargetType());
        if (pointer.isEmpty()) {
            return badRequest(new Violation(INVALID_TYPE, "", "The body must be " + expected + "."));
        }
        String rule = e instanceof InvalidFormatException ? INVALID_VALUE : INVALID_TYPE;
        return badRequest(new Violation(rule, pointer, pointer + " must be " + expected + "."));
    }

    private static Refusal badRequest(Violation violation) {
        return new Refusal(400, "The request body is not the JSON this operation expects.", List.of(violation));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                pointer.append('/').append(Pointers.escape(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /** What the operation expects, in the words of its documentation. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 date-time such as 2026-01-31T09:00:00Z";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another type";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
