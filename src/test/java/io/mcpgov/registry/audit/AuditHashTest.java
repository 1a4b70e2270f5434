package io.mcpgov.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyFieldAndThePreviousHashCount() {
        String base = AuditHash.hash(record("{\"a\":1}"), PREV);
        assertThat(AuditHash.hash(record("{\"a\":2}"), PREV)).isNotEqualTo(base);
        assertThat(AuditHash.hash(record("{\"a\":1}"), AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.hash(record("{\"a\":1}").withId(43), PREV)).isNotEqualTo(base);
        AuditRecord r = record("{\"a\":1}");
        AuditRecord otherTime = new AuditRecord(r.id(), r.occurredAt().plusNanos(1000), r.actorSubject(), r.actorClientId(),
                r.actorRoles(), r.action(), r.targetType(), r.targetId(), r.before(), r.after(), r.requestId(),
                r.sourceAddress());
        assertThat(AuditHash.hash(otherTime, PREV)).isNotEqualTo(base);
        assertThat(AuditHash.format(Instant.parse("2026-01-31T09:05:03Z"))).isEqualTo("2026-01-31T09:05:03.000000Z");
    }

    @Test
    void statesThatAreNotJsonAreRefused() {
        assertThatThrownBy(() -> AuditHash.canonical(record("{\"a\":1} trailing"))).isInstanceOf(IllegalArgumentException.class);
    }
}
