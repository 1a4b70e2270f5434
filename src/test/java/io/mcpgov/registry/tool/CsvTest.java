package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void everyFieldIsQuotedAndQuotesAreDoubled() {
        assertThat(Csv.record(List.of("a", "b,c", "say \"hi\"", "line\nbreak")))
                .isEqualTo("\"a\",\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
    }

    @Test
    void nullIsAnEmptyField() {
        assertThat(Csv.record(Arrays.asList("a", null))).isEqualTo("\"a\",\"\"\r\n");
    }

    @Test
    void formulaLookingFieldsAreDefused() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("\"'+1\"");
        assertThat(Csv.field("@sum")).isEqualTo("\"'@sum\"");
        assertThat(Csv.field("-x")).isEqualTo("\"'-x\"");
        assertThat(Csv.field("a=b")).isEqualTo("\"a=b\"");
    }
}
