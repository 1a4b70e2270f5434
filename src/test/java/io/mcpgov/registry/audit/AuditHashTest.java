package io.mcpgov.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpgov.registry.common.CanonicalJson;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The canonical form and hash, against values computed outside Java (Python's json text and hashlib). */
class AuditHashTest {

    private static final String PREV = "ab".repeat(32);

    private static AuditRecord record(String after) {
        return new AuditRecord(42, Instant.parse("2026-01-31T09:05:03.000120Z"), "ada", null, "admin,auditor",
                "namespace.updated", "namespace", "com.example", null, after, "req-1", "10.0.0.1");
    }

    @Test
    void canonicalFormIsTheDocumentedOne() {
        String after = "{ \"b\" : \"\\\"q\\\"\\n\\u0001\\u00e9\", \"a\": [1, 1.50, 1e2, true, null] }";
        assertThat(AuditHash.canonical(record(after))).isEqualTo("{\"action\":\"namespace.updated\",\"actorClientId\":null,"
                + "\"actorRoles\":\"admin,auditor\",\"actorSubject\":\"ada\",\"after\":{\"a\":[1,1.5,100,true,null],"
                + "\"b\":\"\\\"q\\\"\\n\\u0001é\"},\"before\":null,\"id\":42,\"occurredAt\":\"2026-01-31T09:05:03.000120Z\","
                + "\"requestId\":\"req-1\",\"sourceAddress\":\"10.0.0.1\",\"targetId\":\"com.example\","
                + "\"targetType\":\"namespace\"}");
        // printf '%s%s' "$canonical" "$prev" | sha256sum
        assertThat(AuditHash.hash(record(after), PREV))
                .isEqualTo("4c7277000c665c09f4d4bee2e6b41ee26ea2a01613450dd2f6fbec13742b891f");
        assertThat(AuditHash.hash(record(after), AuditHash.GENESIS))
                .isEqualTo("c0adc706e38201966735ded3dc022de2b705dbcdef9dc2cd167dd89697e05728");
    }

    @Test
    void keyOrderSpacingAndNumberSpellingDoNotChangeTheHash() {
        String jackson = "{\"owningTeam\":\"t\",\"nested\":{\"z\":1,\"a\":[2.0,\"x\"]},\"n\":100}";
        String jsonb = "{\"n\": 1E+2, \"nested\": {\"a\": [2.00, \"x\"], \"z\": 1}, \"owningTeam\": \"t\"}";
        assertThat(AuditHash.hash(record(jsonb), PREV)).isEqualTo(AuditHash.hash(record(jackson), PREV));
    }

    /** A record with every field set, so that each can be changed, and set to null, on its own. */
    private static final AuditRecord FULL = new AuditRecord(42, Instant.parse("2026-01-31T09:05:03.000120Z"), "ada",
            "registry-cli", "admin,auditor", "namespace.updated", "namespace", "com.example", "{\"owningTeam\":\"a\"}",
            "{\"owningTeam\":\"b\"}", "req-1", "10.0.0.1");

    private static AuditRecord with(int field, Object value) {
        AuditRecord r = FULL;
        Object[] v = {r.id(), r.occurredAt(), r.actorSubject(), r.actorClientId(), r.actorRoles(), r.action(),
                r.targetType(), r.targetId(), r.before(), r.after(), r.requestId(), r.sourceAddress()};
        v[field] = value;
        return new AuditRecord((Long) v[0], (Instant) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                (String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10], (String) v[11]);
    }

    /** Each field the hash covers (AuditHash's canonical form), changed in place and, where it may be, removed. */
    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("id", with(0, 43L)),
                Arguments.of("occurredAt, by a microsecond", with(1, FULL.occurredAt().plusNanos(1000))),
                Arguments.of("occurredAt, removed", with(1, null)),
                Arguments.of("actorSubject", with(2, "eve")),
                Arguments.of("actorSubject, removed", with(2, null)),
                Arguments.of("actorClientId", with(3, "other-client")),
                Arguments.of("actorClientId, removed", with(3, null)),
                Arguments.of("actorRoles", with(4, "admin")),
                Arguments.of("actorRoles, removed", with(4, null)),
                Arguments.of("action", with(5, "namespace.deleted")),
                Arguments.of("action, removed", with(5, null)),
                Arguments.of("targetType", with(6, "server")),
                Arguments.of("targetType, removed", with(6, null)),
                Arguments.of("targetId", with(7, "com.example.other")),
                Arguments.of("targetId, removed", with(7, null)),
                Arguments.of("before", with(8, "{\"owningTeam\":\"mallory\"}")),
                Arguments.of("before, removed", with(8, null)),
                Arguments.of("after", with(9, "{\"owningTeam\":\"mallory\"}")),
                Arguments.of("after, a member added", with(9, "{\"owningTeam\":\"b\",\"x\":null}")),
                Arguments.of("after, removed", with(9, null)),
                Arguments.of("requestId", with(10, "req-2")),
                Arguments.of("requestId, removed", with(10, null)),
                Arguments.of("sourceAddress", with(11, "10.0.0.2")),
                Arguments.of("sourceAddress, removed", with(11, null)),
                Arguments.of("before and after swapped", with(8, FULL.after())),
                Arguments.of("a value moved to another field", with(2, FULL.actorClientId())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void everyHashedFieldCounts(String what, AuditRecord tampered) {
        String original = AuditHash.hash(FULL, PREV);
        assertThat(AuditHash.canonical(tampered)).isNotEqualTo(AuditHash.canonical(FULL));
        assertThat(AuditHash.hash(tampered, PREV)).as(what).isNotEqualTo(original);
    }

    @Test
    void thePreviousHashCounts() {
        String original = AuditHash.hash(FULL, PREV);
        assertThat(AuditHash.hash(FULL, AuditHash.GENESIS)).isNotEqualTo(original);
        assertThat(AuditHash.hash(FULL, "ab".repeat(31) + "ac")).isNotEqualTo(original);
        assertThat(AuditHash.hash(FULL, PREV)).isEqualTo(original);
        assertThat(AuditHash.format(Instant.parse("2026-01-31T09:05:03Z"))).isEqualTo("2026-01-31T09:05:03.000000Z");
    }

    /** The canonical text of a record with every field set, and its hash, computed outside Java. */
    @Test
    void everyFieldHasItsPlaceInTheCanonicalForm() {
        assertThat(AuditHash.canonical(FULL)).isEqualTo("{\"action\":\"namespace.updated\",\"actorClientId\":\"registry-cli\","
                + "\"actorRoles\":\"admin,auditor\",\"actorSubject\":\"ada\",\"after\":{\"owningTeam\":\"b\"},"
                + "\"before\":{\"owningTeam\":\"a\"},\"id\":42,\"occurredAt\":\"2026-01-31T09:05:03.000120Z\","
                + "\"requestId\":\"req-1\",\"sourceAddress\":\"10.0.0.1\",\"targetId\":\"com.example\","
                + "\"targetType\":\"namespace\"}");
        // printf '%s%s' "$canonical" "$prev" | sha256sum
        assertThat(AuditHash.hash(FULL, PREV)).isEqualTo("96bb998d84b4a6c930225c94269d18f9f70082458397df585d45e7fe8bdd97f5");
    }

    @Test
    void controlCharactersAndEscapesAreWrittenAsDocumented() {
        String after = "{\"s\":\"\\b\\t\\n\\f\\r\\u001f\\\\\\\" \\u007f\",\"f\":false,\"z\":0.0,\"n\":-1.250,"
                + "\"big\":123456789012345678901234567890}";
        assertThat(canonicalJson(after)).isEqualTo("{\"big\":123456789012345678901234567890,\"f\":false,"
                + "\"n\":-1.25,\"s\":\"\\b\\t\\n\\f\\r\\u001f\\\\\\\" \u007f\",\"z\":0}");
        assertThat(canonicalJson(null)).isEqualTo("null");
        assertThat(canonicalJson("null")).isEqualTo("null");
        assertThat(canonicalJson("[]")).isEqualTo("[]");
        assertThat(canonicalJson("{}")).isEqualTo("{}");
    }

    @Test
    void statesThatAreNotJsonAreRefused() {
        assertThatThrownBy(() -> AuditHash.canonical(record("{\"a\":1} trailing"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A JSON text in the audit chain's canonical form, as the hash reads {@code before} and {@code after}. */
    private static String canonicalJson(String json) {
        StringBuilder out = new StringBuilder();
        CanonicalJson.write(json, out);
        return out.toString();
    }
}
