package io.mcpgov.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aFieldIsQuotedWhenItHoldsACommaAQuoteOrALineBreak() {
        assertThat(Csv.record(List.of("a", "b,c", "say \"hi\"", "line\nbreak", "cr\rhere")))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\"\r\n");
    }

    @Test
    void aFieldThatBeginsWithACommaAQuoteOrALineBreakIsQuotedToo() {
        assertThat(Csv.field(",x")).isEqualTo("\",x\"");
        assertThat(Csv.field("\"x")).isEqualTo("\"\"\"x\"");
        assertThat(Csv.field("\nx")).isEqualTo("\"\nx\"");
        assertThat(Csv.field("x")).isEqualTo("x");
    }

    @Test
    void anAbsentFieldIsEmpty() {
        assertThat(Csv.record(Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("-1")).isEqualTo("'-1");
        assertThat(Csv.field("@sum")).isEqualTo("'@sum");
        assertThat(Csv.field("\tx")).isEqualTo("'\tx");
        assertThat(Csv.field("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
    }

    @Test
    void numbersAndInstantsAreWrittenAsTheyAre() {
        assertThat(Csv.field(-1L)).isEqualTo("-1");
        assertThat(Csv.field(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
    }
}
