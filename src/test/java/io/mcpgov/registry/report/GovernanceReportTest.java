package io.mcpgov.registry.report;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's figures on a fixture of one team: six servers, four exceptions, a leaver and an overdue campaign. */
@QuarkusTest
@RegistryTest
class GovernanceReportTest {

    private static final String REPORT = X + "/reports/governance";

    @Inject
    AgroalDataSource dataSource;

    private static String team;
    private static String a;
    private static String b;
    private static String c;
    private static String d;
    private static String e;
    private static String f;
    private static String leaver;
    private static String expiringId;
    private static String revokedId;
    private static String expiredId;
    private static String leaversId;
    private static String campaignId;

    private static String exception(String token, String server, int days) {
        String body = """
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth yet",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                 "offboardingOwner":"iam-team"}}""".formatted(server, Instant.now().plus(days, ChronoUnit.DAYS));
        String id = as(token).body(body).post(X + "/exceptions").then().statusCode(201).extract().path("id");
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/exceptions/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private void sql(String statement) throws Exception {
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    /** Built once: the tests only read it. */
    @BeforeEach
    void fixture() throws Exception {
        if (team != null) {
            return;
        }
        String teamName = "team-report" + System.nanoTime();
        String pat = Api.publisher("pat", teamName);
        leaver = "leaver-" + System.nanoTime();
        String leaverToken = Api.publisher(leaver, teamName);
        String ns = Api.freshNamespace(teamName);
        a = ns + "/a-oauth";
        b = ns + "/b-keyed";
        c = ns + "/c-keyed";
        d = ns + "/d-keyed";
        e = ns + "/e-public";
        f = ns + "/f-keyed";
        String withContact = Docs.oauthRemote(a, "1.1.0");
        withContact = withContact.replace("{\"io.mcpgov.registry/governance\":{", "{\"io.mcpgov.registry/governance\":{"
                + "\"contact\":{\"email\":\"oncall@example.com\"},");
        withContact = withContact.replace("\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}}",
                "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}},"
                        + "\"tools\":[{\"name\":\"delete_forecasts\",\"scopes\":[\"weather.write\"]}]");
        Api.publishOk(pat, Docs.oauthRemote(a, "1.0.0"));
        Api.publishOk(pat, withContact);
        Api.publishOk(pat, Docs.apiKeyRemote(b, "1.0.0"));
        Api.publishOk(pat, Docs.apiKeyRemote(c, "1.0.0"));
        Api.publishOk(pat, Docs.apiKeyRemote(d, "1.0.0"));
        Api.publishOk(leaverToken, Docs.publicRemote(e, "1.0.0"));
        Api.publishOk(leaverToken, Docs.apiKeyRemote(f, "1.0.0"));
        expiringId = exception(pat, b, 10);
        revokedId = exception(pat, c, 30);
        as(ADMIN).body(Map.of("reason", "Key leaked")).post(X + "/exceptions/" + revokedId + "/revoke").then().statusCode(200);
        expiredId = exception(pat, d, 30);
        sql("UPDATE api_key_exception SET expires_at = now() - interval '1 day' WHERE id = '" + expiredId + "'");
        leaversId = exception(leaverToken, f, 60);
        as(ADMIN).body(Map.of("subject", leaver, "reason", "Left")).post(X + "/offboardings").then().statusCode(201);

        campaignId = as(REVIEWER).body(Map.of("name", "Report review", "team", teamName,
                "dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString())).post(X + "/review-campaigns")
                .then().statusCode(201).extract().path("id");
        as(pat).body(Map.of()).post(X + "/review-campaigns/" + campaignId + "/items/" + encode(a) + "/attest")
                .then().statusCode(200);
        sql("UPDATE review_item SET due_at = now() - interval '2 days' WHERE campaign_id = '" + campaignId + "'");
        team = teamName;
    }

    @Test
    void theJsonReportHasTheFixturesFigures() {
        JsonPath r = as(AUDITOR).queryParam("team", team).get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("parameters.expiringWithinDays")).isEqualTo(30);
        assertThat(r.getMap("serversByAuthType")).containsExactlyInAnyOrderEntriesOf(Map.of("oauth2", 1, "api-key", 4, "none", 1));
        // the OAuth server's claim is checked in the background after publish: unverified until then
        Map<String, Integer> verification = r.getMap("serversByVerificationState");
        assertThat(verification).containsEntry("not-applicable", 5);
        assertThat(verification.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(verification.keySet()).isSubsetOf("not-applicable", "unverified", "unreachable", "failed", "verified");
        assertThat(r.getInt("serversWithoutContact")).isEqualTo(5);
        assertThat(r.getList("exceptionsExpiringSoon.id")).containsExactly(expiringId);
        assertThat(r.getList("exceptionsExpiringSoon.serverName")).containsExactly(b);
        assertThat(r.getList("expiredExceptions.id")).containsExactly(expiredId);
        assertThat(r.getList("revokedExceptions.id")).containsExactly(revokedId);
        assertThat(r.getList("revokedExceptions.revokedBy")).containsExactly("ada");
        assertThat(r.getList("orphanedServers.name")).containsExactly(e, f);
        assertThat(r.getList("orphanedServers.accountableOwner")).containsOnly(leaver);
        assertThat(r.getList("decisionsToRetake.targetId")).containsExactly(leaversId);
        assertThat(r.getList("decisionsToRetake.role")).containsExactly("requested");
        assertThat(r.getList("destructiveToolsAwaitingApproval.serverName")).containsExactly(a);
        assertThat(r.getList("destructiveToolsAwaitingApproval.toolName")).containsExactly("delete_forecasts");
        assertThat(r.getList("destructiveToolsAwaitingApproval.version")).containsExactly("1.1.0");
        assertThat(r.getList("destructiveToolsAwaitingApproval.requestedBy")).containsExactly("pat");
        assertThat(r.getList("overdueReviews.serverName")).containsExactly(b, c, d, e, f);
        assertThat(r.getList("overdueReviews.campaignId")).containsOnly(campaignId);
        assertThat(r.getList("overdueReviews.daysOverdue", Integer.class)).containsOnly(2);

        JsonPath wider = as(REVIEWER).queryParam("team", team).queryParam("expiringWithinDays", 90).get(REPORT)
                .then().statusCode(200).extract().jsonPath();
        assertThat(wider.getList("exceptionsExpiringSoon.id")).containsExactly(expiringId, leaversId);
        JsonPath narrow = as(ADMIN).queryParam("team", team).queryParam("expiringWithinDays", 5).get(REPORT)
                .then().statusCode(200).extract().jsonPath();
        assertThat(narrow.getList("exceptionsExpiringSoon")).isEmpty();
    }

    @Test
    void theCsvReportIsOneTableWithTheSameFigures() {
        String csv = as(AUDITOR).queryParam("team", team).queryParam("format", "csv").get(REPORT).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(
                "section,server_name,version,owning_team,accountable_owner,subject,category,id,state,date,count,detail");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(12));
        assertThat(lines).contains("servers-by-auth-type,,,,,,oauth2,,,,1,", "servers-by-auth-type,,,,,,api-key,,,,4,",
                "servers-by-auth-type,,,,,,none,,,,1,", "servers-by-verification-state,,,,,,not-applicable,,,,5,",
                "servers-without-contact,,,,,,,,,,5,");
        assertThat(lines).filteredOn(l -> l.startsWith("destructive-tools-awaiting-approval,")).singleElement().asString()
                .startsWith("destructive-tools-awaiting-approval," + a + ",1.1.0," + team + ",,pat,delete_forecasts,");
        assertThat(lines).filteredOn(l -> l.startsWith("exceptions-expiring,")).singleElement().asString()
                .startsWith("exceptions-expiring," + b + ",," + team + ",,,transitional," + expiringId + ",approved,");
        assertThat(lines).filteredOn(l -> l.startsWith("expired-exceptions,")).singleElement().asString().contains(expiredId);
        assertThat(lines).filteredOn(l -> l.startsWith("revoked-exceptions,")).singleElement().asString().contains(",ada,");
        assertThat(lines).filteredOn(l -> l.startsWith("orphaned-servers,")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("decisions-to-retake,")).singleElement().asString()
                .contains(",exception," + leaversId + ",requested,");
        assertThat(lines).filteredOn(l -> l.startsWith("overdue-reviews,")).hasSize(5)
                .allSatisfy(l -> assertThat(l).contains(campaignId).endsWith(",2,Report review"));

        String negotiated = as(AUDITOR).accept("text/csv").queryParam("team", team).get(REPORT).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(negotiated.split("\r\n")).hasSameSizeAs(lines.toArray());
    }

    @Test
    void badParametersAreRefused() {
        as(AUDITOR).queryParam("expiringWithinDays", "-1").queryParam("format", "xml").get(REPORT).then().statusCode(400);
        as(AUDITOR).queryParam("endedWithinDays", "lots").get(REPORT).then().statusCode(400);
    }
}
