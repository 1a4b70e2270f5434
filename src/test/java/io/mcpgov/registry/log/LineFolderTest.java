package io.mcpgov.registry.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One line per kind per interval, and every folded line counted exactly once. */
class LineFolderTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final LineFolder folder = new LineFolder(Duration.ofSeconds(10), 100, now::get);

    @Test
    void theFirstLineOfAKindIsWrittenAndTheRestOfTheIntervalOnlyCounted() {
        assertThat(folder.offer("db", "Database unavailable (request %s): %s", () -> "line")).isZero();
        for (int i = 0; i < 8221; i++) {
            now.addAndGet(SECOND / 1000);
            assertThat(folder.offer("db", "Database unavailable (request %s): %s", () -> "line")).isEqualTo(-1);
        }
    }

    @Test
    void theNextLineWrittenAfterTheIntervalCarriesTheCount() {
        folder.offer("db", "unavailable", () -> "line");
        folder.offer("db", "unavailable", () -> "line");
        folder.offer("db", "unavailable", () -> "line");
        now.addAndGet(10 * SECOND);

        assertThat(folder.offer("db", "unavailable", () -> "line")).isEqualTo(2);
        assertThat(folder.due()).as("reported with the line, not again").isEmpty();
        assertThat(folder.offer("db", "unavailable", () -> "line")).isEqualTo(-1);
    }

    @Test
    void kindsAreTheLoggerAndTheTemplate() {
        assertThat(folder.offer("db", "unavailable", () -> "line")).isZero();
        assertThat(folder.offer("pool", "unavailable", () -> "line")).as("another logger").isZero();
        assertThat(folder.offer("db", "a connection failed", () -> "line")).as("another template").isZero();
        assertThat(folder.offer("db", "unavailable", () -> "line")).isEqualTo(-1);
    }

    @Test
    void aKindThatFallsQuietGetsItsCountOnceTheIntervalHasEnded() {
        folder.offer("db", "unavailable", () -> "written");
        folder.offer("db", "unavailable", () -> "first folded");
        folder.offer("db", "unavailable", () -> "second folded");
        folder.offer("pool", "closed", () -> "written");
        assertThat(folder.due()).as("the interval runs").isEmpty();

        now.addAndGet(10 * SECOND);
        assertThat(folder.due()).containsExactly(new LineFolder.Summary("db", "unavailable", 2, "first folded"));
        assertThat(folder.due()).as("counted once").isEmpty();
        assertThat(folder.offer("db", "unavailable", () -> "line")).as("a new interval, nothing left to report").isZero();
    }

    @Test
    void beyondTheKindsItTracksLinesAreWrittenUnfolded() {
        LineFolder small = new LineFolder(Duration.ofSeconds(10), 2, now::get);
        small.offer("a", "x", () -> "line");
        small.offer("b", "x", () -> "line");
        assertThat(small.offer("c", "x", () -> "line")).isZero();
        assertThat(small.offer("c", "x", () -> "line")).as("not tracked: never folded").isZero();

        now.addAndGet(10 * SECOND);
        assertThat(small.offer("c", "x", () -> "line")).as("quiet kinds are forgotten to make room").isZero();
        assertThat(small.offer("c", "x", () -> "line")).isEqualTo(-1);
    }
}
