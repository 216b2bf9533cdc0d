package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotPathGoalsTest {

    private final Results results = ReportFixture.results();

    @Test
    void asyncCpuIsJudgedAgainstTheFloorsInTheSameCell() {
        Goal g = HotPathGoals.cpuOverFloor(results, 1, 1.5);
        assertEquals(Goal.Verdict.MET, g.verdict(), g.measured());
        assertTrue(g.measured().startsWith("1MiB-c10: 1.50× (async 6.00 ms vs floor 4.00 ms per upload), 0.00× to spare"), g.measured());
        Goal tight = HotPathGoals.cpuOverFloor(results, 1, 1.3);
        assertEquals(Goal.Verdict.MISSED, tight.verdict());
        assertTrue(tight.measured().contains("missed by 0.20× (15.4 % over the limit)"), tight.measured());
    }

    @Test
    void aCellWithoutFloorFiguresIsShownButNotJudged() {
        Goal g = HotPathGoals.cpuOverFloor(results, 50, 1.3);
        assertEquals(Goal.Verdict.NOT_MEASURED, g.verdict(), g.measured());
        assertTrue(g.measured().contains("50MiB-c100: n/a (async n/a vs floor not run per upload)"), g.measured());
    }

    @Test
    void asyncMayNotBeSlowerThanSyncAtP50OrP95InAnyCell() {
        assertEquals(Goal.Verdict.MET, HotPathGoals.asyncNotSlowerThanSync(results).verdict());
        Results slower = new Results(new Matrix("t", List.of(ReportFixture.SMALL), Duration.ofSeconds(5), 1L << 30),
                List.of(Target.values()));
        slower.add(ReportFixture.record(ReportFixture.SMALL, Target.SYNC, 40, 300, 0, ReportFixture.none()));
        slower.add(ReportFixture.record(ReportFixture.SMALL, Target.ASYNC, 40, 330, 0, ReportFixture.none()));
        Goal g = HotPathGoals.asyncNotSlowerThanSync(slower);
        assertEquals(Goal.Verdict.MISSED, g.verdict());
        assertEquals("async slower in 1 of 1 cells, by: 1MiB-c10 p50 +30.0 ms (+10.0 %), p95 +30.0 ms (+10.0 %)", g.measured());
    }

    @Test
    void addedLatencyIsJudgedInMillisecondsAtOneMiBAndInPercentAtFiftyMiB() {
        Goal ms = HotPathGoals.addedP50Ms(results, 10);
        assertEquals(Goal.Verdict.MET, ms.verdict());
        assertTrue(ms.measured().contains("async +3.0 ms over direct's p50 of 250.0 ms, 7.0 ms to spare"), ms.measured());
        Goal share = HotPathGoals.addedP50Share(results, 15);
        assertEquals(Goal.Verdict.MISSED, share.verdict());
        assertTrue(share.measured().startsWith("50MiB-c100 (this matrix has no 50MiB-c10): async +4000.0 ms over direct's p50"
                + " of 20000.0 ms = 20.0 %, missed by 5.0 points (33.3 % over the limit)"), share.measured());
    }

    @Test
    void throughputIsJudgedAsAShareOfNginxs() {
        Goal met = HotPathGoals.nginxShare(results, 50, 100, 0.85);
        assertEquals(Goal.Verdict.MET, met.verdict());
        assertTrue(met.measured().startsWith("50MiB-c100: 0.94×") && met.measured().endsWith("0.09× to spare"), met.measured());
        assertEquals(Goal.Verdict.NOT_MEASURED, HotPathGoals.nginxShare(results, 1, 100, 0.55).verdict(), "no nginx at 1MiB-c100");
        Goal missed = HotPathGoals.nginxShare(results, 1, 10, 0.95);
        assertEquals(Goal.Verdict.MISSED, missed.verdict());
        assertTrue(missed.measured().endsWith("missed by 0.03× (3.3 % under the limit)"), missed.measured());
    }

    @Test
    void theReportJudgesTheOriginalTargetsAndTheHotPathsTogether() {
        List<Goal> all = Goals.evaluate(results);
        assertEquals(5 + 8, all.size());
        assertTrue(all.stream().anyMatch(g -> g.target().equals("async CPU per upload ≤ 1.5× the payara-floor's at 1 MiB")));
        assertTrue(all.stream().anyMatch(g -> g.target().equals("1 MiB × 100: async ≥ 0.55× nginx uploads/s")));
        assertEquals(Cell.MIB * 50, Goals.nearest(results, 50, 10).orElseThrow().fileBytes());
    }
}
