package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatiosTest {

    @Test
    void comparesAsyncWithSyncDirectAndNginx() {
        Ratios r = Ratios.of(ReportFixture.results(), ReportFixture.SMALL);
        assertEquals(45.0 / 40, r.asyncOverSync(), 1e-9);
        assertEquals(45.0 / 50, r.asyncOverDirect(), 1e-9);
        assertEquals(45.0 / 49, r.asyncOverNginx(), 1e-9);
        assertEquals(100.0 * (1 - 62.0 / 80), r.heapReductionPct(), 1e-9);
        assertEquals(100.0 * (1 - 2.0 / 20), r.heapAboveBaselineReductionPct(), 1e-9);
        assertEquals(100.0 * (253 - 300) / 300.0, r.p50ChangePct(), 1e-9);
        assertEquals(3.0, r.asyncAddedP50Ms(), 1e-9);
    }

    @Test
    void timeoutChangeIsRelativeToSync() {
        Ratios r = Ratios.of(ReportFixture.results(), ReportFixture.CROWD);
        assertEquals(7, r.syncTimeouts());
        assertEquals(0, r.asyncTimeouts());
        assertEquals(-100.0, r.timeoutChangePct(), 1e-9);
    }

    @Test
    void aMissingSideGivesNaNNotZero() {
        Ratios r = Ratios.of(ReportFixture.results(), ReportFixture.CROWD);
        assertTrue(Double.isNaN(r.asyncOverDirect()));
        assertTrue(Double.isNaN(Ratios.of(ReportFixture.results(), ReportFixture.SMALL).timeoutChangePct()));
    }
}
