package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.bench.plan.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeforeAfterTest {

    /** Columns moved and some missing (size, concurrency, sent, the heap columns but one), a quoted note over two lines. */
    static final String BASELINE = """
            target,cell,requests_planned,ok,errors,timeouts,ooms,uploads_per_s,p50_ms,p99_ms,heap_per_in_flight_kib,notes
            direct,1MiB-c10,100,400,0,0,0,39.33,252.0,268.9,,
            gateway-sync,1MiB-c10,100,400,0,0,0,33.29,289.5,396.7,3228,
            gateway-async,1MiB-c10,100,400,0,0,0,35.07,278.2,403.6,496,"probe slow, ""busy"" gateway"
            nginx,1MiB-c10,100,400,0,0,0,39.64,251.8,264.1,,
            gateway-sync,1MiB-c100,1500,1500,0,0,0,74.71,1266.1,2996.9,795,
            gateway-async,1MiB-c100,1500,1500,0,0,0,71.30,1367.0,2445.4,202,
            nginx,1MiB-c100,1500,1500,0,0,0,210.09,457.0,751.6,,

            direct,50MiB-c10,60,60,0,0,0,6.81,1495.9,1599.7,,
            gateway-async,50MiB-c10,60,60,0,0,0,2.75,3619.1,4298.3,277,
            nginx,50MiB-c10,60,60,0,0,0,5.81,1639.5,2402.3,,
            gateway-sync,50MiB-c100,100,0,1,42,57,0.00,,,4036,"a canary failed,
            the gateway was booted again"
            haproxy,1MiB-c10,100,400,0,0,0,1,1,1,,
            """;

    static final String SECTION = """

            ## Before and after

            Against `bench/results/baseline/results.csv`, the results.csv of an earlier run (`--baseline`). \
            Each figure reads before → after; uploads/s with after/before in brackets. — = not in that run, n/a = in it without that figure.

            | cell | target | uploads/s | p50 ms | p99 ms | errors + timeouts + OOM | heap per in-flight upload KiB | CPU ms per upload |
            |---|---|---|---|---|---|---|---|
            | 1MiB-c10 | direct | 39.3 → 50.0 (1.27×) | 252 → 250 | 269 → 250 | 0 → 0 |  |  |
            | 1MiB-c10 | gateway-sync | 33.3 → 40.0 (1.20×) | 290 → 300 | 397 → 300 | 0 → 0 | 3228 → 2048 | n/a → n/a |
            | 1MiB-c10 | gateway-async | 35.1 → 45.0 (1.28×) | 278 → 253 | 404 → 253 | 0 → 0 | 496 → 205 | n/a → 6.00 |
            | 1MiB-c10 | nginx | 39.6 → 49.0 (1.24×) | 252 → 251 | 264 → 251 | 0 → 0 |  | n/a → 2.00 |
            | 1MiB-c10 | payara-floor | — → 60.0 | — → 240 | — → 240 | — → 0 |  | — → 4.00 |
            | 1MiB-c100 (1500 → 1000 requests) | gateway-sync | 74.7 → 20.0 (0.27×) | 1266 → 4000 | 2997 → 4000 | 0 → 7 | 795 → 1448 | n/a → n/a |
            | 1MiB-c100 (1500 → 1000 requests) | gateway-async | 71.3 → 120.0 (1.68×) | 1367 → 700 | 2445 → 700 | 0 → 0 | 202 → 155 | n/a → n/a |
            | 1MiB-c100 (1500 → 1000 requests) | nginx | 210.1 → — | 457 → — | 752 → — | 0 → — |  | n/a → — |
            | 50MiB-c100 | direct | — → 4.0 | — → 20000 | — → 20000 | — → 0 |  |  |
            | 50MiB-c100 | gateway-sync | 0.0 → 0.5 | n/a → 30000 | n/a → 30000 | 100 → 2 | 4036 → 9011 | n/a → n/a |
            | 50MiB-c100 | gateway-async | — → 3.4 | — → 24000 | — → 24000 | — → 0 | — → 246 | — → n/a |
            | 50MiB-c100 | nginx | — → 3.6 | — → 21000 | — → 21000 | — → 0 |  | — → n/a |

            Only in the baseline: 50MiB-c10.

            | headline ratio | before | after |
            |---|---|---|
            | gateway-async / gateway-sync uploads/s, 1MiB-c100 | 0.95× | 6.00× |
            | gateway-async / direct uploads/s, 50MiB-c10 | 0.40× | — |
            | gateway-async / nginx uploads/s, 50MiB-c10 | 0.47× | — |
            | gateway-async / direct uploads/s, 50MiB-c100 | n/a | 0.85× |
            | gateway-async / nginx uploads/s, 50MiB-c100 | n/a | 0.94× |
            | p50 added by gateway-async over direct, 1MiB-c10 | +26.2 ms | +3.0 ms |
            | gateway-async CPU per upload, 1MiB-c10 | n/a | 6.00 ms |
            """;

    private static Baseline baseline() {
        return Baseline.parse(BASELINE, "bench/results/baseline/results.csv");
    }

    @Test
    void showsEachFigureBeforeAndAfterWithADashForWhatARunDidNotHave() {
        StringBuilder md = new StringBuilder();
        BeforeAfter.append(md, ReportFixture.results(), baseline());
        assertEquals(SECTION, md.toString());
    }

    @Test
    void headlineRatiosAreTheOnesTheReportTakesFromItsResults() {
        Results results = ReportFixture.results();
        RunFigures after = RunFigures.of(results);
        Ratios crowd = Ratios.of(results, ReportFixture.CROWD);
        Ratios big = Ratios.of(results, ReportFixture.BIG);
        assertEquals(crowd.asyncOverSync(), after.throughputRatio("1MiB-c100", Target.ASYNC, Target.SYNC), 1e-12);
        assertEquals(big.asyncOverDirect(), after.throughputRatio("50MiB-c100", Target.ASYNC, Target.DIRECT), 1e-12);
        assertEquals(big.asyncOverNginx(), after.throughputRatio("50MiB-c100", Target.ASYNC, Target.NGINX), 1e-12);
        assertEquals(Ratios.of(results, ReportFixture.SMALL).asyncAddedP50Ms(),
                after.addedP50Ms("1MiB-c10", Target.ASYNC, Target.DIRECT), 1e-12);
    }

    @Test
    void reportPlacesTheSectionAfterTheRatiosAndOnlyWithABaseline() {
        RunInfo run = new RunInfo("full", "bench/run.sh --baseline x", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(20),
                200, "512m", 90, 30, Map.of(), List.of(), true, ReportFixture.CRITERION,
                dev.uploadgateway.bench.plan.WarmUpRule.full());
        String with = MarkdownReport.render(ReportFixture.results(), run, List.of(), Optional.of(baseline()));
        int ratios = with.indexOf("## Ratios by cell");
        int beforeAfter = with.indexOf("## Before and after");
        assertTrue(ratios > 0 && beforeAfter > ratios && with.indexOf("## Results by cell") > beforeAfter, with);
        assertFalse(MarkdownReport.render(ReportFixture.results(), run, List.of()).contains("Before and after"));
    }
}
