package dev.uploadgateway.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TallyTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void countsRequestsAbandonedByTheHarnessAsTimeouts() {
        Tally tally = new Tally(MIB, 3);
        tally.sent();
        tally.sent();
        tally.sent();
        tally.add(Outcome.answered(200, "{}", 2_000_000), System.nanoTime());
        LoadResult result = tally.result(System.nanoTime() - 1_000_000_000L, 1, false);
        assertEquals(1, result.ok());
        assertEquals(2, result.timeouts());
        assertEquals(2, result.details().get("TIMEOUT abandoned by the harness"));
    }

    @Test
    void throughputRunsFromTheFirstRequestToTheLastAnswer() {
        Tally tally = new Tally(10 * MIB, 4);
        long start = 1_000_000_000L;
        for (int i = 1; i <= 4; i++) {
            tally.sent();
            tally.add(Outcome.answered(201, "{\"path\":\"async\"}", 100_000_000L), start + i * 500_000_000L);
        }
        LoadResult result = tally.result(start, 2, true);
        assertEquals(2.0, result.wallSeconds(), 1e-9);
        assertEquals(2.0, result.uploadsPerSecond(), 1e-9);
        assertEquals(20.0, result.mibPerSecond(), 1e-9);
        assertEquals(100.0, result.p50(), 1e-9);
        assertEquals(4, result.details().get("OK async"));
    }
}
