package com.switchboard.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @Test
    void neutralisesEveryFormulaStart() {
        assertThat(SpreadsheetCsv.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetCsv.neutralise("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(SpreadsheetCsv.neutralise("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCsv.neutralise("@A1")).isEqualTo("'@A1");
        assertThat(SpreadsheetCsv.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCsv.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetCsv.neutralise("Room = 2")).isEqualTo("Room = 2");
        assertThat(SpreadsheetCsv.neutralise(null)).isEmpty();
    }
}
