package io.mcpgov.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpgov.registry.common.ProblemException;
import org.junit.jupiter.api.Test;

class ListParamsTest {

    @Test
    void defaults() {
        ListParams p = ListParams.parse(null, null, null, null, null, null);
        assertThat(p.limit()).isEqualTo(30);
        assertThat(p.afterName()).isNull();
        assertThat(p.includeDeleted()).isFalse();
        assertThat(p.latestOnly()).isFalse();
    }

    @Test
    void theCursorSplitsAtTheFirstColonBecauseNamesHaveNone() {
        ListParams p = ListParams.parse("com.example/a:1.0.0:beta", "5", null, null, null, null);
        assertThat(p.afterName()).isEqualTo("com.example/a");
        assertThat(p.afterVersion()).isEqualTo("1.0.0:beta");
    }

    @Test
    void updatedSinceForcesDeletedEntriesIn() {
        ListParams p = ListParams.parse(null, null, null, "2025-08-07T13:15:04.280Z", null, null);
        assertThat(p.includeDeleted()).isTrue();
        assertThat(p.updatedSince()).isNotNull();
        assertThatThrownBy(() -> ListParams.parse(null, null, null, "2025-08-07T13:15:04Z", null, "false"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void versionLatestAndExactVersionsAreDistinct() {
        assertThat(ListParams.parse(null, null, null, null, "latest", null).latestOnly()).isTrue();
        ListParams exact = ListParams.parse(null, null, null, null, "1.2.3", null);
        assertThat(exact.latestOnly()).isFalse();
        assertThat(exact.exactVersion()).isEqualTo("1.2.3");
    }

    @Test
    void allBadParametersAreReportedTogether() {
        assertThatThrownBy(() -> ListParams.parse(":", "101", "x".repeat(201), "soon", null, "perhaps"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(v -> v.ruleId()).containsExactlyInAnyOrder("invalid-cursor",
                            "invalid-limit", "invalid-search", "invalid-updated-since", "invalid-include-deleted");
                });
    }
}
