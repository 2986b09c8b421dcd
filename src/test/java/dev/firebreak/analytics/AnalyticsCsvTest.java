package dev.firebreak.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as formulas are defused; CSV quoting still applies after. */
class AnalyticsCsvTest {
    @Test
    void formulaLeadsGetAnApostrophe() {
        assertThat(AnalyticsCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AnalyticsCsv.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(AnalyticsCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AnalyticsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AnalyticsCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(AnalyticsCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void quotingAfterDefusing() {
        assertThat(AnalyticsCsv.cell("=HYPERLINK(\"a\",\"b\")")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
        assertThat(AnalyticsCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AnalyticsCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    @Test
    void plainTextAndNumbersStayAsTheyAre() {
        assertThat(AnalyticsCsv.cell("checkout")).isEqualTo("checkout");
        assertThat(AnalyticsCsv.cell("0.6667")).isEqualTo("0.6667");
        assertThat(AnalyticsCsv.cell("-5")).isEqualTo("-5");
        assertThat(AnalyticsCsv.cell("")).isEmpty();
        assertThat(AnalyticsCsv.cell(null)).isEmpty();
    }
}
