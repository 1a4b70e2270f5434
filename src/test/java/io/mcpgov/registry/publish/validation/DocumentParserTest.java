package io.mcpgov.registry.publish.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void parsesAnObject() {
        JsonNode doc = parser.parse(utf8("{\"name\":\"com.example/x\",\"n\":[1,2.50,{\"deep\":true}],\"s\":\"caf\u00e9 \ud83d\ude00\"}"));
        assertEquals("com.example/x", doc.get("name").asText());
        assertEquals("2.50", doc.get("n").get(1).decimalValue().toPlainString());
        assertEquals("caf\u00e9 \ud83d\ude00", doc.get("s").asText());
    }

    @Test
    void toleratesAByteOrderMarkAndSurroundingWhitespace() {
        assertTrue(parser.parse(utf8("\uFEFF \n{\"a\":1}\n ")).isObject());
    }

    @Test
    void acceptsAValidSurrogatePairWrittenAsEscapes() {
        assertEquals("\ud83d\ude00", parser.parse(utf8("{\"a\":\"\\ud83d\\ude00\"}")).get("a").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void refusesAnEmptyBody(String body) {
        assertRefused(DocumentParser.EMPTY_BODY, "", utf8(body));
    }

    @Test
    void refusesNoBodyAtAll() {
        assertRefused(DocumentParser.EMPTY_BODY, "", new byte[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":NaN}", "{a:1}",
            "{\"a\":\"unterminated}", "{\"a\":1 /* comment */}", "{\"a\":01}"})
    void refusesMalformedJson(String body) {
        Violation violation = assertRefused(DocumentParser.MALFORMED_JSON, "", utf8(body));
        assertTrue(violation.message().startsWith("The body is not valid JSON"), violation.message());
    }

    @Test
    void malformedJsonMessageGivesLineAndColumnButNoParserInternals() {
        Violation violation = assertRefused(DocumentParser.MALFORMED_JSON, "", utf8("{\n  \"a\": [1, 2,, 3]\n}"));
        assertTrue(violation.message().contains("line 2"), violation.message());
        assertTrue(violation.message().contains("column"), violation.message());
        for (String internal : new String[] {"Source", "jackson", "Exception", "code 44", "expected", "REDACTED"}) {
            assertFalse(violation.message().contains(internal), violation.message());
        }
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Violation violation = assertRefused(DocumentParser.INVALID_UTF8, "", body);
        assertTrue(violation.message().contains("offset 6"), violation.message());
    }

    @Test
    void refusesOverlongAndSurrogateUtf8Encodings() {
        assertRefused(DocumentParser.INVALID_UTF8, "", new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'});
        assertRefused(DocumentParser.INVALID_UTF8, "", new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'});
    }

    @Test
    void refusesUtf16() {
        assertRefused(DocumentParser.INVALID_UTF8, "", "{\"a\":1}".getBytes(StandardCharsets.UTF_16));
    }

    @Test
    void refusesDuplicateKeysAndNamesWhere() {
        assertRefused(DocumentParser.DUPLICATE_KEY, "/name", utf8("{\"name\":\"a/b\",\"name\":\"c/d\"}"));
        assertRefused(DocumentParser.DUPLICATE_KEY, "/remotes/1/url",
                utf8("{\"remotes\":[{\"url\":\"x\"},{\"url\":\"y\",\"url\":\"z\"}]}"));
    }

    @Test
    void acceptsTheSameKeyInDifferentObjects() {
        assertTrue(parser.parse(utf8("{\"a\":{\"url\":1},\"b\":{\"url\":2}}")).isObject());
    }

    @Test
    void acceptsNestingOfExactly64Levels() {
        assertTrue(parser.parse(utf8(nested(64))).isObject());
    }

    @Test
    void refusesNestingDeeperThan64Levels() {
        assertRefused(DocumentParser.NESTING_TOO_DEEP, "", utf8(nested(65)));
        assertRefused(DocumentParser.NESTING_TOO_DEEP, "", utf8(nested(5000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"a\":1}]", "\"text\"", "42", "true", "null"})
    void refusesATopLevelThatIsNotAnObject(String body) {
        assertRefused(DocumentParser.NOT_AN_OBJECT, "", utf8(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{\"a\":1} 2", "{}\n[]", "{} \"x\""})
    void refusesTrailingContent(String body) {
        assertRefused(DocumentParser.TRAILING_CONTENT, "", utf8(body));
    }

    @Test
    void refusesGarbageAfterTheDocumentAsMalformed() {
        assertRefused(DocumentParser.MALFORMED_JSON, "", utf8("{}x"));
    }

    @Test
    void refusesNulInAValue() {
        assertRefused(DocumentParser.NUL_CHARACTER, "/a/0", utf8("{\"a\":[\"x\\u0000y\"]}"));
    }

    @Test
    void refusesNulInAKey() {
        assertRefused(DocumentParser.NUL_CHARACTER, "/outer", utf8("{\"outer\":{\"k\\u0000\":1}}"));
    }

    @Test
    void refusesARawControlCharacterAsMalformed() {
        assertRefused(DocumentParser.MALFORMED_JSON, "", "{\"a\":\"x\u0000y\"}".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud800\"}", "{\"a\":\"x\\udc00y\"}", "{\"a\":\"\\ude00\\ud83d\"}", "{\"a\":\"\\ud83d\"}"})
    void refusesLoneSurrogatesInValues(String body) {
        assertRefused(DocumentParser.LONE_SURROGATE, "/a", utf8(body));
    }

    @Test
    void refusesLoneSurrogatesInKeys() {
        assertRefused(DocumentParser.LONE_SURROGATE, "", utf8("{\"\\ud800\":1}"));
    }

    @Test
    void refusalIsABadRequestProblem() {
        ProblemException problem = assertThrows(ProblemException.class, () -> parser.parse(utf8("[")));
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size());
    }

    private Violation assertRefused(String ruleId, String path, byte[] body) {
        ProblemException problem = assertThrows(ProblemException.class, () -> parser.parse(body));
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size(), problem.errors().toString());
        Violation violation = problem.errors().get(0);
        assertEquals(ruleId, violation.ruleId(), violation.toString());
        assertEquals(path, violation.path(), violation.toString());
        return violation;
    }

    private static String nested(int depth) {
        StringBuilder json = new StringBuilder("{\"a\":");
        for (int i = 1; i < depth; i++) {
            json.append(i % 2 == 0 ? "{\"a\":" : "[");
        }
        json.append("1");
        for (int i = depth - 1; i >= 1; i--) {
            json.append(i % 2 == 0 ? "}" : "]");
        }
        return json.append("}").toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
