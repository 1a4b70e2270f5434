package io.mcpgov.registry.tool;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.mcpgov.registry.tool.ToolDocs.DELETE;
import static io.mcpgov.registry.tool.ToolDocs.GET;
import static io.mcpgov.registry.tool.ToolDocs.GOV;
import static io.mcpgov.registry.tool.ToolDocs.SET;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entitlement report: rows in JSON and CSV, filters, and what it leaves out. */
@QuarkusTest
@RegistryTest
class EntitlementReportApiTest {

    private static final String TEAM = "team-report";
    private static final String PAT = Api.publisher("pat", TEAM);
    private static final String PIA = Api.publisher("pia", TEAM);

    /** A namespace with: weather (3 tools, latest 1.1.0, delete approved), plain (no tools), by pat; pia's alerts. */
    private static String namespace() {
        String ns = Api.freshNamespace(TEAM);
        Api.publishOk(PAT, ToolDocs.oauth(ns + "/weather", "1.0.0", GET));
        Api.publishOk(PAT, ToolDocs.oauth(ns + "/weather", "1.1.0", GET, SET, DELETE));
        String id = as(AGENT).get("/v0.1/servers/" + encode(ns + "/weather") + "/versions/1.1.0").then().extract()
                .path(GOV + ".tools[2].reviewId");
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/tool-reviews/" + id + "/approve").then().statusCode(200);
        Api.publishOk(PAT, ToolDocs.oauthWithoutTools(ns + "/plain", "1.0.0"));
        Api.publishOk(PIA, ToolDocs.oauth(ns + "/alerts", "2.0.0",
                "{\"name\":\"purge_alerts\",\"title\":\"=SUM(1,2) \\\"all\\\"\",\"scopes\":[\"w.delete\"]}"));
        return ns;
    }

    @Test
    void jsonListsEveryToolOfEachLatestVersionWithOwnersAndApprovalState() {
        String ns = namespace();
        List<Map<String, Object>> rows = as(AUDITOR).queryParam("namespace", ns).get(X + "/reports/entitlements").then()
                .statusCode(200).contentType("application/json").extract().jsonPath().getList("rows");
        assertThat(rows).extracting(r -> r.get("server") + " " + r.get("tool")).containsExactly(
                ns + "/alerts purge_alerts",
                ns + "/plain null",
                ns + "/weather get_forecast",
                ns + "/weather set_alert",
                ns + "/weather delete_alerts");
        Map<String, Object> delete = rows.get(4);
        assertThat(delete).containsEntry("version", "1.1.0").containsEntry("classification", "destructive")
                .containsEntry("approval", "approved").containsEntry("available", true)
                .containsEntry("decidedBy", "rey").containsEntry("owningTeam", TEAM)
                .containsEntry("accountableOwner", "pat").containsEntry("scopes", List.of("w.delete"))
                .containsEntry("toolsDeclared", true);
        assertThat(rows.get(2)).containsEntry("approval", "not-required").containsEntry("classification", "read-only");
        assertThat(rows.get(0)).containsEntry("approval", "pending").containsEntry("available", false)
                .containsEntry("accountableOwner", "pia");
        assertThat(rows.get(1)).containsEntry("toolsDeclared", false).containsEntry("classification", null);
    }

    @Test
    void filtersByOwnerTeamAndSubNamespace() {
        String ns = namespace();
        List<String> byPia = as(REVIEWER).queryParam("namespace", ns).queryParam("owner", "pia")
                .get(X + "/reports/entitlements").then().statusCode(200).extract().jsonPath().getList("rows.server");
        assertThat(byPia).containsExactly(ns + "/alerts");
        assertThat(as(REVIEWER).queryParam("namespace", ns).queryParam("team", "team-nobody")
                .get(X + "/reports/entitlements").then().statusCode(200).extract().jsonPath().getList("rows")).isEmpty();

        String sub = ns + ".sub";
        as(ADMIN).body(Map.of("owningTeam", TEAM)).put(X + "/namespaces/" + sub).then().statusCode(200);
        Api.publishOk(PAT, ToolDocs.oauth(sub + "/nested", "1.0.0", GET));
        List<String> servers = as(ADMIN).queryParam("namespace", ns).get(X + "/reports/entitlements").then()
                .statusCode(200).extract().jsonPath().getList("rows.server");
        assertThat(servers).contains(sub + "/nested", ns + "/weather");
        assertThat(as(ADMIN).queryParam("namespace", sub).get(X + "/reports/entitlements").then().extract().jsonPath()
                .<String>getList("rows.server")).containsOnly(sub + "/nested");
        // a namespace that merely starts with the same characters is another namespace
        assertThat(as(ADMIN).queryParam("namespace", ns.substring(0, ns.length() - 1)).get(X + "/reports/entitlements")
                .then().extract().jsonPath().<String>getList("rows.server")).doesNotContain(ns + "/weather");
    }

    @Test
    void csvIsRfc4180WithTheSameRows() {
        String ns = namespace();
        Response response = as(AUDITOR).queryParam("namespace", ns).queryParam("format", "csv")
                .get(X + "/reports/entitlements");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("entitlements.csv");
        String body = response.asString();
        assertThat(body).endsWith("\r\n");
        List<List<String>> records = parse(body);
        assertThat(records.get(0)).startsWith("server", "version", "status", "owningTeam", "accountableOwner",
                "toolsDeclared", "tool", "title", "classification");
        assertThat(records).hasSize(6);
        assertThat(records).allSatisfy(r -> assertThat(r).hasSize(records.get(0).size()));
        List<String> alerts = records.get(1);
        assertThat(alerts.get(0)).isEqualTo(ns + "/alerts");
        assertThat(alerts.get(6)).isEqualTo("purge_alerts");
        assertThat(alerts.get(7)).as("formula defused, comma and quotes kept").isEqualTo("'=SUM(1,2) \"all\"");
        List<String> delete = records.get(5);
        assertThat(delete.get(6)).isEqualTo("delete_alerts");
        assertThat(delete.get(8)).isEqualTo("destructive");
        assertThat(delete.get(11)).isEqualTo("w.delete");
        assertThat(delete.get(12)).isEqualTo("approved");
        assertThat(records.get(2).get(6)).isEmpty();
    }

    @Test
    void badParametersAre400() {
        as(AUDITOR).queryParam("format", "xml").get(X + "/reports/entitlements").then().statusCode(400);
        as(AUDITOR).queryParam("namespace", "com.example/x").get(X + "/reports/entitlements").then().statusCode(400);
        as(AUDITOR).queryParam("owner", "x".repeat(300)).get(X + "/reports/entitlements").then().statusCode(400);
    }

    /** A strict RFC 4180 reader: a field is quoted (quotes doubled inside) or holds no comma, quote or line break. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            StringBuilder field = new StringBuilder();
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    char c = csv.charAt(i);
                    if (c == '"') {
                        if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
            } else {
                while (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                    char c = csv.charAt(i);
                    if (c == '"' || c == '\n') {
                        throw new AssertionError("unquoted field holds " + (c == '"' ? "a quote" : "a line break") + " at " + i);
                    }
                    field.append(c);
                    i++;
                }
            }
            record.add(field.toString());
            if (csv.startsWith("\r\n", i)) {
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (i < csv.length() && csv.charAt(i) == ',') {
                i++;
            } else {
                throw new AssertionError("expected , or CRLF at " + i);
            }
        }
        return records;
    }
}
