package io.mcpgov.registry.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A URL checked ahead by the fetcher's guard (as webhook subscriptions are): the rule id of each refusal. */
class UrlRefusalTest {

    private static Vertx vertx;
    private final FixedResolver resolver = new FixedResolver()
            .map("public.example", "93.184.215.14")
            .map("metadata.internal", "169.254.169.254")
            .map("intranet.example", "10.20.30.40")
            .map("hooks.localhost", "93.184.215.14")
            .map("localhost", "127.0.0.1");

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private Optional<SafeFetcher.Refusal> check(boolean allowLoopback, String url) {
        try (SafeFetcher fetcher = new SafeFetcher(vertx, FetchSettings.defaults().withAllowHttpLoopback(allowLoopback),
                resolver, null)) {
            return fetcher.refusal(url);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "https://169.254.169.254/latest/meta-data/, cloud-metadata",
            "https://[fd00::1]/hook, unique-local",
            "https://10.0.0.7/hook, private",
            "https://192.168.1.20/hook, private",
            "https://[fe80::1]/hook, link-local",
            "https://169.254.10.10/hook, link-local",
            "https://127.0.0.1/hook, loopback",
            "https://[::1]/hook, loopback",
            "https://metadata.internal/hook, cloud-metadata",
            "https://intranet.example/hook, private",
            "https://localhost/hook, loopback",
            "https://hooks.localhost/hook, loopback",
            "https://LOCALHOST./hook, loopback",
            "http://public.example/hook, not-https",
            "ftp://public.example/hook, not-https",
            "https://user:pw@public.example/hook, url-invalid",
            "https://2130706433/hook, url-invalid",
    })
    void refusedWithTheRuleOfTheGuard(String url, String ruleId) {
        assertThat(check(false, url)).get().extracting(SafeFetcher.Refusal::ruleId).isEqualTo(ruleId);
    }

    @Test
    void localhostNamesAreRefusedWithoutAskingTheResolver() {
        check(false, "https://hooks.localhost/hook");
        assertThat(resolver.lookups).hasValue(0);
    }

    @Test
    void publicReceiversAndNamesThatDoNotResolveYetPass() {
        assertThat(check(false, "https://public.example/hook")).isEmpty();
        // every delivery is checked again, when the name resolves
        assertThat(check(false, "https://not-yet.example/hook")).isEmpty();
    }

    @Test
    void theDevelopmentSwitchLetsLoopbackThroughAndNothingElse() {
        assertThat(check(true, "http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(check(true, "http://localhost:8080/hook")).isEmpty();
        assertThat(check(true, "http://10.0.0.7/hook")).get().extracting(SafeFetcher.Refusal::ruleId).isEqualTo("private");
        assertThat(check(true, "http://public.example/hook")).get().extracting(SafeFetcher.Refusal::ruleId)
                .isEqualTo("not-https");
    }
}
