package io.mcpgov.registry.audit;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The hash chain: it verifies, the database keeps it append-only, and tampering by direct SQL is found and named. */
@QuarkusTest
@RegistryTest
class AuditChainTest {

    @Inject
    AgroalDataSource dataSource;

    private static String changeSomething() {
        String ns = "org.chain" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", "team-chain")).put(X + "/namespaces/" + ns).then().statusCode(200);
        return ns;
    }

    private static long eventOf(String namespace) {
        return as(AUDITOR).queryParam("targetId", namespace).get(X + "/audit").then().statusCode(200)
                .extract().jsonPath().getLong("events[0].id");
    }

    private static JsonPath verify() {
        return as(AUDITOR).get(X + "/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachEventLinksToThePreviousOneAndTheChainVerifies() {
        changeSomething();
        changeSomething();
        JsonPath events = as(AUDITOR).queryParam("limit", 1000).get(X + "/audit").then().statusCode(200).extract().jsonPath();
        List<String> hashes = events.getList("events.hash");
        List<String> prevs = events.getList("events.prevHash");
        assertThat(hashes).hasSizeGreaterThan(1).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
        assertThat(prevs.get(0)).isEqualTo(AuditHash.GENESIS);
        for (int i = 1; i < hashes.size(); i++) {
            assertThat(prevs.get(i)).as("event %d links to event %d", i, i - 1).isEqualTo(hashes.get(i - 1));
        }
        JsonPath result = verify();
        assertThat(result.getBoolean("intact")).isTrue();
        assertThat(result.getLong("eventsChecked")).isGreaterThanOrEqualTo(hashes.size());
        assertThat(result.getString("head.hash")).matches("[0-9a-f]{64}");
        assertThat(result.getString("firstBroken")).isNull();
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() throws SQLException {
        long id = eventOf(changeSomething());
        for (String sql : List.of(
                "UPDATE audit_event SET action = 'namespace.nothing' WHERE id = " + id,
                "UPDATE audit_event SET hash = repeat('0', 64) WHERE id = " + id,
                "DELETE FROM audit_event WHERE id = " + id,
                "TRUNCATE audit_event")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void aChangedEventIsNamedAsTheFirstBrokenOne() throws SQLException {
        String ns = changeSomething();
        changeSomething();
        long id = eventOf(ns);
        String original = column("after::text", id);
        try {
            // a superuser can disable the trigger; the chain still tells
            asSuperuser("UPDATE audit_event SET after = jsonb_set(after, '{owningTeam}', '\"team-mallory\"') WHERE id = " + id);
            JsonPath result = verify();
            assertThat(result.getBoolean("intact")).isFalse();
            assertThat(result.getLong("firstBroken.id")).isEqualTo(id);
            assertThat(result.getString("firstBroken.reason")).isEqualTo("content-altered");
            assertThat(result.getString("firstBroken.message")).contains(String.valueOf(id));
        } finally {
            asSuperuser("UPDATE audit_event SET after = '" + original.replace("'", "''") + "'::jsonb WHERE id = " + id);
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void aRemovedEventBreaksTheLinkOfTheNextOne() throws SQLException {
        long removed = eventOf(changeSomething());
        long next = eventOf(changeSomething());
        String copy = "CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE id = " + removed;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(copy);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            try {
                s.execute("DELETE FROM audit_event WHERE id = " + removed);
                JsonPath result = verify();
                assertThat(result.getBoolean("intact")).isFalse();
                assertThat(result.getLong("firstBroken.id")).isEqualTo(next);
                assertThat(result.getString("firstBroken.reason")).isEqualTo("link-broken");
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM kept");
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
                s.execute("DROP TABLE kept");
            }
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void concurrentChangesNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String token = Tokens.of("admin-" + (i % 8), "admin");
                String ns = "org.race" + System.nanoTime() + "x" + i;
                calls.add(() -> as(token).body(Map.of("owningTeam", "t")).put(X + "/namespaces/" + ns).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(verify().getBoolean("intact")).isTrue();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*), count(DISTINCT prev_hash) FROM audit_event")) {
            rs.next();
            assertThat(rs.getLong(2)).as("no two events share a predecessor").isEqualTo(rs.getLong(1));
        }
    }

    private String column(String expression, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT " + expression + " FROM audit_event WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void asSuperuser(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            try {
                s.execute(sql);
            } finally {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
        }
    }
}
