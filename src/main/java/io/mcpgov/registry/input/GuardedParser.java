package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.mcpgov.registry.common.Pointers;
import io.mcpgov.registry.common.Violation;
import java.io.IOException;

/**
 * Sees every token of a JSON body as it is read: member names and string values must be text PostgreSQL can hold,
 * numbers must fit its numeric, and a limit exceeded below is refused naming the JSON pointer where it happened.
 * Content a reader skips is still held to the limits, never checked character by character.
 */
final class GuardedParser extends JsonParserDelegate {

    GuardedParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        try {
            return checked(delegate.nextToken());
        } catch (IOException e) {
            throw located(e);
        }
    }

    /**
     * The underlying parser's own fast path for the next member name (deserializers of objects and maps call it), with
     * the token it reaches checked as {@link #nextToken()} checks it; a value it reads ahead is checked when returned.
     */
    @Override
    public String nextFieldName() throws IOException {
        try {
            String name = delegate.nextFieldName();
            checked(delegate.currentToken());
            return name;
        } catch (IOException e) {
            throw located(e);
        }
    }

    @Override
    public boolean nextFieldName(SerializableString expected) throws IOException {
        String name = nextFieldName();
        return name != null && name.equals(expected.getValue());
    }

    /** Jackson's strict duplicate detection says so in its message, and in no other way. */
    private static boolean isDuplicate(JsonParseException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '");
    }

    private InputRefusal duplicate() {
        String at = pointer(); // the context already holds the name seen twice
        return new InputRefusal(400, GuardedJsonFactory.DUPLICATE_KEY, at, "The member " + at
                + " appears more than once in the same object.");
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        try {
            delegate.skipChildren();
        } catch (IOException e) {
            throw located(e);
        }
        return this;
    }

    /**
     * A refusal, named at the place it happened; a member seen twice, as the {@value GuardedJsonFactory#DUPLICATE_KEY}
     * rule; anything else as it is.
     */
    private IOException located(IOException e) {
        if (e instanceof InputRefusal refusal) {
            return refusal.at(pointer());
        }
        return e instanceof JsonParseException parse && isDuplicate(parse) ? duplicate() : e;
    }

    private JsonToken checked(JsonToken token) throws IOException {
        if (token != null) {
            check(token);
        }
        return token;
    }

    private void check(JsonToken token) throws IOException {
        switch (token) {
            case FIELD_NAME -> {
                String rule = StorableText.refusedBy(delegate.currentName());
                if (rule != null) {
                    String container = containerPointer();
                    throw refusal(StorableText.violation(rule, container,
                            "A member name in " + Pointers.describe(container)));
                }
            }
            case VALUE_STRING -> {
                String rule = StorableText.refusedBy(delegate.getText());
                if (rule != null) {
                    String at = pointer();
                    throw refusal(StorableText.violation(rule, at, "The string at " + Pointers.describe(at)));
                }
            }
            // an integer has at most JsonReadLimits.MAX_NUMBER_LENGTH digits, always few enough; only an exponent can overflow
            case VALUE_NUMBER_FLOAT -> {
                if (!StorableNumber.fits(delegate.getText())) {
                    String at = pointer();
                    throw new InputRefusal(400, StorableNumber.OUT_OF_RANGE, at, "The number at "
                            + Pointers.describe(at) + " is beyond what can be stored (at most "
                            + StorableNumber.MAX_INTEGER_DIGITS + " digits before the decimal point and "
                            + StorableNumber.MAX_FRACTION_DIGITS + " after it).");
                }
            }
            default -> {
                // brackets, integers, booleans and null hold nothing to refuse
            }
        }
    }

    private static InputRefusal refusal(Violation violation) {
        return InputRefusal.of(violation);
    }

    /** Where the current token is. */
    private String pointer() {
        return pointerOf(delegate.getParsingContext());
    }

    /** The object the current member name belongs to. */
    private String containerPointer() {
        JsonStreamContext context = delegate.getParsingContext();
        return context == null ? "" : pointerOf(context.getParent());
    }

    private static String pointerOf(JsonStreamContext context) {
        return context == null ? "" : JsonPointer.forPath(context, false).toString();
    }
}
