package io.mcpgov.registry.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTest {

    private static final String X = "/v0.1/x/io.mcpgov.registry";

    @ParameterizedTest
    @CsvSource({
            "GET, /v0.1/servers, READS",
            "GET, /v0/servers/com.example/weather/versions/latest, READS",
            "HEAD, /v0.1/servers, READS",
            "POST, /v0.1/validate, VALIDATE",
            "POST, /v0/validate/, VALIDATE",
            "POST, /v0.1/publish, WRITES",
            "PATCH, /v0.1/servers/com.example/weather/status, WRITES",
            "DELETE, " + X + "/namespaces/com.example, WRITES",
            "POST, " + X + "/servers/com.example/weather/versions/1.0.0/verification, VERIFY_NOW",
            "GET, " + X + "/servers/com.example/weather/versions/1.0.0/verification, READS",
            "POST, " + X + "/servers/com.example/weather/versions/1.0.0/scope-plan, READS",
            "POST, " + X + "/servers/com.example/weather/versions/1.0.0/tools-for-scopes, READS",
            "POST, " + X + "/imports, IMPORTS",
            "POST, " + X + "/exceptions, WRITES",
    })
    void everyApiRequestHasABudget(String method, String path, Budget budget) {
        assertThat(Budget.of(method, path)).isEqualTo(budget);
    }

    @ParameterizedTest
    @CsvSource({"GET, /console/queue", "POST, /console/exceptions", "GET, /q/health", "GET, /v0x/servers"})
    void theConsoleAndOperationalEndpointsAreNotCounted(String method, String path) {
        assertThat(Budget.of(method, path)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "2001:db8:1:2:aaaa::1, 2001:db8:1:2:ffff::9",
            "::ffff:192.0.2.7, 192.0.2.7",
    })
    void addressesOfOneHolderShareABudget(String one, String other) {
        assertThat(CallerKey.address(one)).isEqualTo(CallerKey.address(other));
    }

    @ParameterizedTest
    @CsvSource({"2001:db8:1:2::1, 2001:db8:1:3::1", "192.0.2.7, 192.0.2.8"})
    void differentHoldersDoNot(String one, String other) {
        assertThat(CallerKey.address(one)).isNotEqualTo(CallerKey.address(other));
    }

    @ParameterizedTest
    @CsvSource({"ada, client-a, ada, client-b", "ada, client-a, bob, client-a"})
    void subjectAndClientMakeTheTokenCaller(String subject, String client, String otherSubject, String otherClient) {
        assertThat(CallerKey.token(subject, client)).isNotEqualTo(CallerKey.token(otherSubject, otherClient));
        assertThat(CallerKey.token(subject, client)).isNotEqualTo(CallerKey.address(subject));
    }
}
