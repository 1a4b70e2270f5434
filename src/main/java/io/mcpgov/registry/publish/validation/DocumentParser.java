package io.mcpgov.registry.publish.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.input.GuardedJsonFactory;
import io.mcpgov.registry.input.InputConfig;
import io.mcpgov.registry.input.InputRefusal;
import io.mcpgov.registry.input.StorableText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a request body into a JSON tree, refusing anything a strict reader or PostgreSQL {@code jsonb} would
 * treat differently: invalid UTF-8, duplicate keys, deep nesting, trailing content, and (through the registry's
 * {@link GuardedJsonFactory}, as every JSON body) U+0000, unpaired surrogates and numbers beyond numeric's range.
 * The tree is built from the token stream so each refusal can name where it happened; messages carry a line and
 * column at most, never parser internals or the offending text.
 */
public class DocumentParser {

    public static final int MAX_DEPTH = 64;

    public static final String EMPTY_BODY = "empty-body";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String DUPLICATE_KEY = GuardedJsonFactory.DUPLICATE_KEY;
    public static final String NESTING_TOO_DEEP = "nesting-too-deep";
    public static final String NOT_AN_OBJECT = "not-an-object";
    public static final String TRAILING_CONTENT = "trailing-content";
    public static final String NUL_CHARACTER = StorableText.NUL_CHARACTER;
    public static final String LONE_SURROGATE = StorableText.LONE_SURROGATE;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonFactory factory;

    public DocumentParser() {
        this(InputConfig.defaults());
    }

    /** @param limits the limits of every JSON body; the document's own depth limit, {@link #MAX_DEPTH}, is checked first */
    public DocumentParser(InputConfig limits) {
        this.factory = new GuardedJsonFactory(limits);
    }

    public JsonNode parse(byte[] body) {
        String text = decodeUtf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte order mark is tolerated (RFC 8259 section 8.1)
        }
        if (text.isBlank()) {
            throw refuse(EMPTY_BODY, "", "The request body is empty; a server.json object is expected.");
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonNode root = new TreeBuilder(parser).read();
            if (!root.isObject()) {
                throw refuse(NOT_AN_OBJECT, "", "The top level of a server.json document must be a JSON object.");
            }
            return root;
        } catch (InputRefusal e) {
            throw new ProblemException(e.status(), e.status() == 413 ? "Content Too Large" : "Bad Request",
                    e.violation().message(), List.of(e.violation()));
        } catch (JsonEOFException e) {
            throw refuse(MALFORMED_JSON, "", "The body is not valid JSON: it ends unexpectedly" + at(e.getLocation()) + ".");
        } catch (JsonProcessingException e) {
            throw refuse(MALFORMED_JSON, "", "The body is not valid JSON" + at(e.getLocation()) + ".");
        } catch (IOException e) {
            throw refuse(MALFORMED_JSON, "", "The body could not be read as JSON.");
        }
    }

    private static String decodeUtf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw refuse(EMPTY_BODY, "", "The request body is empty; a server.json object is expected.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw refuse(INVALID_UTF8, "", "The body is not valid UTF-8 (first bad byte near offset "
                    + firstInvalidOffset(body) + ").");
        }
    }

    private static int firstInvalidOffset(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ProblemException refuse(String ruleId, String path, String message) {
        return ProblemException.badRequest(message, new Violation(ruleId, path, message));
    }

    /** Builds the tree token by token; the guarded parser names where a refusal happened. */
    private static final class TreeBuilder {
        private final JsonParser parser;

        TreeBuilder(JsonParser parser) {
            this.parser = parser;
        }

        JsonNode read() throws IOException {
            JsonToken first = parser.nextToken();
            JsonNode root = value(first, 0);
            if (parser.nextToken() != null) {
                throw refuse(TRAILING_CONTENT, "", "The body has content after the JSON document"
                        + at(parser.currentTokenLocation()) + ".");
            }
            return root;
        }

        private JsonNode value(JsonToken token, int depth) throws IOException {
            switch (token) {
                case START_OBJECT:
                    return object(depth + 1);
                case START_ARRAY:
                    return array(depth + 1);
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    switch (parser.getNumberType()) {
                        case INT:
                            return NODES.numberNode(parser.getIntValue());
                        case LONG:
                            return NODES.numberNode(parser.getLongValue());
                        default:
                            return NODES.numberNode(parser.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw refuse(MALFORMED_JSON, "", "The body is not valid JSON" + at(parser.currentTokenLocation()) + ".");
            }
        }

        private ObjectNode object(int depth) throws IOException {
            checkDepth(depth);
            ObjectNode node = NODES.objectNode();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                node.set(name, value(parser.nextToken(), depth));
            }
            if (token != JsonToken.END_OBJECT) {
                throw refuse(MALFORMED_JSON, "", "The body is not valid JSON" + at(parser.currentTokenLocation()) + ".");
            }
            return node;
        }

        private ArrayNode array(int depth) throws IOException {
            checkDepth(depth);
            ArrayNode node = NODES.arrayNode();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw refuse(MALFORMED_JSON, "", "The body is not valid JSON: it ends unexpectedly.");
                }
                node.add(value(token, depth));
            }
            return node;
        }

        private void checkDepth(int depth) {
            if (depth > MAX_DEPTH) {
                throw refuse(NESTING_TOO_DEEP, "", "The document nests objects and arrays deeper than " + MAX_DEPTH
                        + " levels" + at(parser.currentTokenLocation()) + ".");
            }
        }
    }
}
