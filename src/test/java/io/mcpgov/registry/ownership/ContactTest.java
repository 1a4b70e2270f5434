package io.mcpgov.registry.ownership;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operational contact: declared at publish, shared by every version, changeable through the API. */
@QuarkusTest
@RegistryTest
class ContactTest {

    private static final String OWNERSHIP = "_meta.'io.mcpgov.registry/governance'.ownership";
    private static final String TEAM = "team-contact";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static String withContact(String name, String version, String contactJson) {
        String doc = Docs.publicRemote(name, version);
        return doc.substring(0, doc.lastIndexOf('}')) + ",\"_meta\":{\"io.mcpgov.registry/governance\":{\"contact\":"
                + contactJson + "}}}";
    }

    @Test
    void theDeclaredContactAppliesToTheServerAndLaterVersionsInheritIt() {
        String name = Api.freshNamespace(TEAM) + "/svc";
        Api.publishOk(PUBLISHER, withContact(name, "1.0.0", "{\"name\":\"Weather on-call\",\"email\":\"oncall@example.com\"}"));
        Api.publishOk(PUBLISHER, Docs.publicRemote(name, "1.1.0"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200)
                .body("servers." + OWNERSHIP + ".contact.email", everyItem(equalTo("oncall@example.com")))
                .body("servers." + OWNERSHIP + ".orphaned", everyItem(equalTo(false)));

        String requestId = "contact-publish-" + System.nanoTime();
        as(PUBLISHER).header("X-Request-Id", requestId)
                .body(withContact(name, "2.0.0", "{\"url\":\"https://chat.example.com/weather\"}"))
                .post("/v0.1/publish").then().statusCode(200);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then()
                .body("servers." + OWNERSHIP + ".contact.url", everyItem(equalTo("https://chat.example.com/weather")));
        JsonPath events = as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().extract().jsonPath();
        assertThat(events.getList("events.action", String.class)).containsExactlyInAnyOrder("server.published",
                "ownership.contact-changed");
    }

    @Test
    void theTeamChangesTheContactOfEveryVersionAndTheChangeIsAudited() {
        String name = Api.freshNamespace(TEAM) + "/svc";
        Api.publishOk(PUBLISHER, Docs.publicRemote(name, "1.0.0"));
        Api.publishOk(PUBLISHER, Docs.publicRemote(name, "1.1.0"));
        String requestId = "contact-" + System.nanoTime();
        as(Api.publisher("pia", TEAM)).header("X-Request-Id", requestId)
                .body(Map.of("name", "Platform team", "email", "platform@example.com"))
                .put(X + "/ownership/" + encode(name) + "/contact").then().statusCode(200)
                .body("contact.email", equalTo("platform@example.com"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then()
                .body("servers." + OWNERSHIP + ".contact.name", everyItem(equalTo("Platform team")));
        JsonPath events = as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().extract().jsonPath();
        assertThat(events.getString("events[0].action")).isEqualTo("ownership.contact-changed");
        assertThat(events.getString("events[0].before.contact")).isNull();
        assertThat(events.getString("events[0].after.contact.email")).isEqualTo("platform@example.com");

        as(ADMIN).body(Map.of("email", "iam@example.com")).put(X + "/ownership/" + encode(name) + "/contact")
                .then().statusCode(200).body("contact.email", equalTo("iam@example.com"));
        as(Api.publisher("olga", "team-other")).body(Map.of("email", "x@example.com"))
                .put(X + "/ownership/" + encode(name) + "/contact").then().statusCode(403);
    }

    @Test
    void invalidContactsAreRefusedWithEveryViolation() {
        String name = Api.freshNamespace(TEAM) + "/svc";
        Api.publishOk(PUBLISHER, Docs.publicRemote(name, "1.0.0"));
        as(PUBLISHER).body(Map.of("email", "not-an-address", "url", "http://chat.example.com", "pager", "555"))
                .put(X + "/ownership/" + encode(name) + "/contact").then().statusCode(422)
                .body("errors.path", hasItems("/email", "/url", "/pager"));
        as(PUBLISHER).body(Map.of("name", "Nobody")).put(X + "/ownership/" + encode(name) + "/contact")
                .then().statusCode(422);
        as(PUBLISHER).body("[1]").put(X + "/ownership/" + encode(name) + "/contact").then().statusCode(400);
        as(PUBLISHER).body(withContact(Api.freshNamespace(TEAM) + "/bad", "1.0.0", "{\"email\":\"nope\"}"))
                .post("/v0.1/publish").then().statusCode(422)
                .body("errors[0].path", equalTo("/_meta/io.mcpgov.registry~1governance/contact/email"));
    }
}
