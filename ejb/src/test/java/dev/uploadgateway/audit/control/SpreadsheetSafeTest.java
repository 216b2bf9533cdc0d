package dev.uploadgateway.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\").txt", "+cmd|calc!A0", "-2+3", "@SUM(1+1)", "\tx", "\rx",
            "=1", "-", "+", "=", "-1e5x"})
    void prefixesTextThatASpreadsheetWouldReadAsAFormula(String text) {
        assertEquals("'" + text, SpreadsheetSafe.cell(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "-1", "+2.5", "-0.001", "1e-5", "-3E+2", "'quoted", " =leading-space", ""})
    void leavesNumbersAndOrdinaryTextAlone(String text) {
        assertEquals(text, SpreadsheetSafe.cell(text));
    }

    @Test
    void leavesValuesThatAreNotTextAlone() {
        Instant at = Instant.EPOCH;
        assertEquals(at, SpreadsheetSafe.cell(at));
        assertEquals(-5L, SpreadsheetSafe.cell(-5L));
        assertNull(SpreadsheetSafe.cell(null));
        assertEquals(2, SpreadsheetSafe.row("=a", 1).length);
        assertEquals("'=a", SpreadsheetSafe.row("=a", 1)[0]);
    }
}
