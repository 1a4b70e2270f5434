package io.mcpgov.registry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Required;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console in a real headless Chromium (Debian's package, driven by Playwright; nothing is downloaded): a
 * reviewer approves an exception and agents then find the server; the requester finds no button and a direct POST
 * refused; an agent is refused. Screenshots of every page go to target/console-screenshots/.
 */
@QuarkusTest
@RegistryTest
@QuarkusTestResource(ConsoleIssuer.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String NO_CHROMIUM = "no Chromium at " + CHROMIUM
            + " (install Debian's chromium package, as .ci/run does)";
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URI base;

    private BrowserContext context;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            // each test then skips, or fails under CI=true
            System.err.println("Console browser tests cannot run: " + NO_CHROMIUM);
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(ARGS));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        if (browser == null) {
            Required.unavailable(NO_CHROMIUM);
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        consoleErrors.clear();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertThat(consoleErrors).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    /** Opens a console page, signing in on the issuer's login form when asked to. */
    private Page signIn(String user, String... groups) {
        Page page = context.newPage();
        // pages answer 403 or 404 on purpose; a stylesheet, script or icon that fails is a defect
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
        page.onResponse(r -> {
            if (!"document".equals(r.request().resourceType()) && r.status() >= 400) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });
        page.navigate(base.resolve("/console/queue").toString());
        assertThat(page.title()).isEqualTo("Test identity provider");
        page.fill("#login", user);
        if (groups.length > 0) {
            page.fill("#groups", String.join(",", groups));
        }
        page.click("#sign-in");
        page.waitForURL(url -> url.contains("/console/"));
        return page;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static String team() {
        return "team-b" + System.nanoTime() % 1000000;
    }

    @Test
    void aReviewerApprovesAnExceptionAndAgentsThenFindTheServer() {
        String team = team();
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("pat", team));
        String id = ConsoleFixtures.requestException(Api.publisher("pat", team), name);
        Api.as(Api.AGENT).get("/v0.1/servers?search=" + Api.encode(name)).then().statusCode(200)
                .body("servers", org.hamcrest.Matchers.empty());

        Page page = signIn("rey");
        page.navigate(base.resolve("/console/queue?server=" + Api.encode(name)).toString());
        Locator card = page.locator("article[data-kind=exception][data-server=\"" + name + "\"]");
        assertThat(card.textContent()).contains("Vendor ships OAuth next quarter").contains("pat")
                .contains("vault:kv/mcp/keyed").contains("api-key");
        assertThat(page.content()).doesNotContain("eyJ");
        shot(page, "queue-reviewer");

        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Skip to content");

        card.locator("textarea[name=reason]").fill("Key in vault, rotated monthly; OAuth due next quarter");
        card.locator("button[value=approve]").click();
        page.waitForURL(url -> url.contains("notice=exception-approved"));
        assertThat(page.locator(".notice").textContent()).contains("Exception approved").contains(name);
        shot(page, "queue-after-approval");
        ConsoleFixtures.assertState(id, "approved");

        Api.as(Api.AGENT).get("/v0.1/servers?search=" + Api.encode(name)).then().statusCode(200)
                .body("servers.server.name", hasItem(name));

        page.navigate(base.resolve("/console/server?name=" + Api.encode(name)).toString());
        assertThat(page.locator("h1").textContent()).contains(name);
        assertThat(page.locator("body").textContent()).contains("Listed").contains("exception.approved");
        shot(page, "server");
        page.navigate(base.resolve("/console/overview").toString());
        assertThat(page.locator("figure.chart").count()).isEqualTo(3);
        shot(page, "overview");
        page.navigate(base.resolve("/console/owners").toString());
        shot(page, "owners-reviewer");
        page.navigate(base.resolve("/console/servers?search=" + Api.encode(team.substring(0, 6))).toString());
        shot(page, "servers");
        page.setViewportSize(768, 1024);
        page.navigate(base.resolve("/console/queue").toString());
        shot(page, "queue-tablet");

        page.locator("form[action='/console/logout'] button").click();
        page.waitForURL(url -> url.contains("/console/signed-out"));
        assertThat(page.locator("h1").textContent()).contains("signed out");
        shot(page, "signed-out");
    }

    @Test
    void theRequesterFindsNoApproveButtonAndTheirDirectPostIsRefused() {
        String team = team();
        String requester = Tokens.of("rex", "publisher", team, "reviewer");
        String name = ConsoleFixtures.hiddenServer(team, requester);
        String id = ConsoleFixtures.requestException(requester, name);

        Page page = signIn("rex", "publisher", team, "reviewer");
        page.navigate(base.resolve("/console/queue?server=" + Api.encode(name)).toString());
        Locator card = page.locator("article[data-kind=exception][data-server=\"" + name + "\"]");
        assertThat(card.count()).isEqualTo(1);
        assertThat(card.locator("button[value=approve]").count()).isZero();
        assertThat(card.locator(".four-eyes").textContent()).contains("you requested this exception");
        shot(page, "queue-requester");

        String token = page.locator("form[action='/console/logout'] input[name=csrf]").getAttribute("value");
        APIResponse direct = page.request().post(base.resolve("/console/exceptions/" + id + "/decision").toString(),
                RequestOptions.create().setForm(FormData.create().set("csrf", token).set("decision", "approve")
                        .set("reason", "Approving my own request")));
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.text()).contains("four-eyes");
        ConsoleFixtures.assertState(id, "pending");

        page.navigate(base.resolve("/console/owners").toString());
        assertThat(page.locator("article[data-server=\"" + name + "\"]").count()).isEqualTo(1);
        assertThat(page.locator("article[data-server=\"" + name + "\"]").textContent()).contains("api-key-only")
                .contains("To unblock");
        shot(page, "owners-publisher");
    }

    @Test
    void anOwnerSeesWhatBlocksTheirServerAndRequestsAnException() {
        String team = team();
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("otto", team));
        Page page = signIn("otto", "publisher", team);
        page.navigate(base.resolve("/console/owners").toString());
        Locator card = page.locator("article[data-server=\"" + name + "\"]");
        assertThat(card.textContent()).contains("Not listed").contains("api-key-only").contains("To unblock");
        card.locator("details.request summary").click();
        card.locator("select[name=classification]").selectOption("transitional");
        card.locator("input[name=ends]").fill(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20).toString());
        card.locator("textarea[name=justification]").fill("The vendor ships OAuth next quarter");
        card.locator("input[name=rotationDays]").fill("30");
        card.locator("input[name=keyStorage]").fill("vault:kv/mcp/otto");
        card.locator("input[name=offboardingOwner]").fill("iam-team");
        shot(page, "owners-request-form");
        card.locator("button[type=submit]").click();
        page.waitForURL(url -> url.contains("notice=exception-requested"));
        assertThat(page.locator(".notice").textContent()).contains("Exception requested");
        assertThat(page.locator("article[data-server=\"" + name + "\"]").textContent())
                .contains("Waiting for a reviewer");
        shot(page, "owners-after-request");
        Api.as(Api.REVIEWER).get(Api.X + "/exceptions?state=pending&serverName=" + Api.encode(name)).then()
                .statusCode(200).body("exceptions[0].requestedBy", org.hamcrest.Matchers.equalTo("otto"));
    }

    @Test
    void anAgentIsRefusedTheConsole() {
        Page page = signIn("agnes");
        assertThat(page.locator("h1").textContent()).contains("Forbidden");
        assertThat(page.locator("main").textContent()).contains("Agents use the registry's API");
        shot(page, "agent-refused");
    }
}
