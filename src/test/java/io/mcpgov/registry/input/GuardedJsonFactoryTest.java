package io.mcpgov.registry.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.mcpgov.registry.common.JsonRefusals;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every string, member name and number read through the factory, at any depth, refused with its JSON pointer. */
class GuardedJsonFactoryTest {

    record Inner(String text, Integer count) {
    }

    record Outer(String name, List<Inner> items, JsonNode extra, OffsetDateTime at) {
    }

    private final ObjectMapper mapper = new ObjectMapper(new GuardedJsonFactory(InputConfig.defaults()))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).findAndRegisterModules();

    private JsonRefusals.Refusal refusal(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Outer.class));
        assertThat(e).as(json).isNotNull();
        return JsonRefusals.of(e);
    }

    private void refused(String json, String ruleId, String pointer) {
        JsonRefusals.Refusal refusal = refusal(json);
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(ruleId);
            assertThat(v.path()).isEqualTo(pointer);
            assertThat(v.message()).doesNotContain("\u0000");
        });
    }

    @Test
    void textPostgresqlCannotHoldIsRefusedWhereverItIs() {
        refused("{\"name\":\"a\\u0000\"}", "nul-character", "/name");
        refused("{\"items\":[{\"text\":\"ok\"},{\"text\":\"x\\u0000y\"}]}", "nul-character", "/items/1/text");
        refused("{\"extra\":{\"a/b\":[\"\\udc00\"]}}", "lone-surrogate", "/extra/a~1b/0");
        refused("{\"extra\":{\"deep\":{\"k\\u0000\":1}}}", "nul-character", "/extra/deep");
        refused("{\"unknown\\ud800\":1}", "lone-surrogate", "");
        // an ignored member's value is read, and checked, before it is skipped
        refused("{\"unknown\":\"\\u0000\"}", "nul-character", "/unknown");
    }

    @Test
    void theFastPathForMemberNamesChecksTheNameAndTheValueItReadsAhead() throws Exception {
        ObjectMapper plain = new ObjectMapper(new GuardedJsonFactory(InputConfig.defaults()));
        for (String json : new String[] {"{\"ok\":1,\"k\\u0000\":1}", "{\"ok\":1,\"k\":\"v\\u0000\"}",
                "{\"ok\":{\"k\":[\"\\udc00\"]}}", "{\"ok\":1,\"ok\":2}"}) {
            assertThat(catchThrowableOfType(InputRefusal.class, () -> plain.readValue(json, Map.class)))
                    .as(json).isNotNull();
        }
        try (var parser = plain.getFactory().createParser("{\"a\":\"x\",\"b\\u0000\":2}")) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextFieldName(new SerializedString("a"))).isTrue();
            assertThat(parser.nextTextValue()).isEqualTo("x");
            InputRefusal refusal = catchThrowableOfType(InputRefusal.class, parser::nextFieldName);
            assertThat(refusal).isNotNull();
            assertThat(JsonRefusals.of(refusal).violations()).singleElement()
                    .satisfies(v -> assertThat(v.ruleId()).isEqualTo("nul-character"));
        }
    }

    @Test
    void aMemberNamedTwiceIsRefusedWhereItIs() {
        refused("{\"name\":\"a\",\"name\":\"b\"}", "duplicate-key", "/name");
        refused("{\"items\":[{\"text\":\"a\"},{\"count\":1,\"count\":2}]}", "duplicate-key", "/items/1/count");
        refused("{\"unknown\":{\"a\":1,\"a\":2}}", "duplicate-key", "/unknown/a");
    }

    @Test
    void aPairedSurrogateIsText() throws Exception {
        assertThat(mapper.readValue("{\"name\":\"\\ud83d\\ude00\"}", Outer.class).name()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void limitsAreRefusedWithTheirOwnRuleAndPointer() {
        refused("{\"extra\":" + "[".repeat(80) + "]".repeat(80) + "}", "nesting-too-deep",
                "/extra" + "/0".repeat(71));
        refused("{\"unknown\":" + "[".repeat(80) + "]".repeat(80) + "}", "nesting-too-deep",
                "/unknown" + "/0".repeat(71));
        refused("{\"name\":\"" + "a".repeat(524_289) + "\"}", "string-too-long", "/name");
        refused("{\"extra\":{\"" + "k".repeat(1025) + "\":1}}", "name-too-long", "/extra");
        refused("{\"extra\":[1e999999]}", "number-out-of-range", "/extra/0");
        refused("{\"items\":[{\"count\":" + "1".repeat(1001) + "}]}", "number-too-long", "/items/0/count");
    }

    @Test
    void tokensAreCountedOverTheWholeBody() {
        ObjectMapper small = new ObjectMapper(new GuardedJsonFactory(new TestLimits(100)));
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> small.readTree("[" + "0,".repeat(100) + "0]"));
        assertThat(JsonRefusals.of(e).violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleId()).isEqualTo("too-many-tokens"));
    }

    @Test
    void aWrongTypeNamesThePointerAndWhatWasExpected() {
        JsonRefusals.Refusal refusal = refusal("{\"at\":\"garbage\"}");
        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("invalid-value");
            assertThat(v.path()).isEqualTo("/at");
            assertThat(v.message()).contains("RFC 3339").doesNotContain("garbage");
        });
        JsonRefusals.Refusal items = refusal("{\"items\":\"x\"}");
        assertThat(items.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("invalid-type");
            assertThat(v.message()).isEqualTo("/items must be an array.");
        });
        assertThat(catchThrowableOfType(InvalidFormatException.class,
                () -> mapper.readValue("{\"items\":[{\"count\":\"many\"}]}", Outer.class))).isNotNull();
    }

    @Test
    void aCopyOfTheMapperKeepsTheGuard() {
        ObjectMapper copy = mapper.copy();
        assertThat(catchThrowableOfType(InputRefusal.class, () -> copy.readTree("[\"\\u0000\"]"))).isNotNull();
    }

    private record TestLimits(long maxJsonTokens) implements InputConfig {
        @Override
        public int maxParameterLength() {
            return 1024;
        }

        @Override
        public int maxJsonDepth() {
            return 72;
        }

        @Override
        public int maxJsonStringLength() {
            return 1000;
        }
    }
}
