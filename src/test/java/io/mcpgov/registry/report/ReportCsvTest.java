package io.mcpgov.registry.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void cellsAreQuotedAndSpreadsheetFormulasDefused() {
        assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(ReportCsv.cell(-1L)).isEqualTo("-1");
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ReportCsv.cell(null)).isEmpty();
    }
}
