package io.mcpgov.registry.verification;

import static io.mcpgov.registry.support.Api.encode;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The background schedule: every scan (each second in this profile) checks the versions whose next check is due,
 * and only those, and moves their next check {@code registry.verification.interval} ahead; a deleted version is
 * never checked again.
 */
@QuarkusTest
@RegistryTest
@TestProfile(ProductionSettings.class)
class VerificationScheduleTest {

    private static final String TEAM = "team-schedule";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);
    private static final long INTERVAL = Long.parseLong(ProductionSettings.VERIFICATION_INTERVAL_SECONDS);

    /**
     * A server whose one remote the guard refuses at once: each check ends without waiting for the network. Remote
     * URLs belong to one server, hence the name in the path.
     */
    private static String published(String name, String address) {
        Api.publishOk(PUBLISHER, """
                {"$schema":"%s","name":"%s","description":"Scheduled","version":"1.0.0",
                 "remotes":[{"type":"streamable-http","url":"https://%s/%s"}]}"""
                .formatted(Docs.SCHEMA, name, address, name));
        return name;
    }

    private static Timestamp lastCheck(String name) {
        return (Timestamp) Sql.query("SELECT max(rv.checked_at) FROM remote_verification rv JOIN server_version sv"
                + " ON sv.id = rv.server_version_id WHERE sv.name = ?", name);
    }

    /** Seconds from now to the version's next check. */
    private static double nextCheckIn(String name) {
        return ((Number) Sql.query("SELECT extract(epoch FROM verification_due_at - now()) FROM server_version"
                + " WHERE name = ?", name)).doubleValue();
    }

    private static Timestamp awaitFirstCheck(String name) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Timestamp checked = lastCheck(name);
            if (checked != null) {
                return checked;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the check after publish never ran for " + name);
    }

    private static void dueIn(String name, int seconds) {
        assertThat(Sql.update("UPDATE server_version SET verification_due_at = now() + make_interval(secs => ?)"
                + " WHERE name = ?", seconds, name)).isOne();
    }

    @Test
    void theScanChecksDueVersionsOnlyAndSchedulesTheNextCheckOneIntervalAhead() throws InterruptedException {
        String ns = Api.freshNamespace(TEAM);
        String due = published(ns + "/due", "10.0.0.1");
        String notDue = published(ns + "/not-due", "10.0.0.2");
        String deleted = published(ns + "/deleted", "10.0.0.3");
        Timestamp dueChecked = awaitFirstCheck(due);
        Timestamp notDueChecked = awaitFirstCheck(notDue);
        Timestamp deletedChecked = awaitFirstCheck(deleted);
        // checked right after publish, so the next check is one interval ahead
        assertThat(nextCheckIn(due)).isBetween(INTERVAL - 120.0, INTERVAL + 1.0);
        as(PUBLISHER).body(Map.of("status", "deleted")).patch("/v0.1/servers/" + encode(deleted) + "/versions/1.0.0/status")
                .then().statusCode(200);

        // as if one interval had passed for two of them, and all but a minute of it for the third
        dueIn(due, -1);
        dueIn(deleted, -1);
        dueIn(notDue, 60);
        Timestamp rechecked = dueChecked;
        for (int i = 0; i < 300 && !rechecked.after(dueChecked); i++) {
            Thread.sleep(50);
            rechecked = lastCheck(due);
        }
        assertThat(rechecked).as("the due version was checked again by the scan").isAfter(dueChecked);
        assertThat(nextCheckIn(due)).isBetween(INTERVAL - 120.0, INTERVAL + 1.0);

        Thread.sleep(2500); // two more scans
        assertThat(lastCheck(notDue)).as("a version not due yet").isEqualTo(notDueChecked);
        assertThat(lastCheck(deleted)).as("a deleted version").isEqualTo(deletedChecked);
        assertThat(nextCheckIn(notDue)).isBetween(0.0, 60.0);
    }
}
