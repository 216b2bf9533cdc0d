package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private final Results results = ReportFixture.results();

    @Test
    void heapPerUploadIsJudgedOnTheWorstAsyncCell() {
        Goal g = Goals.heapPerUpload(results);
        assertEquals(Goal.Verdict.MET, g.verdict());
        assertTrue(g.measured().startsWith("worst 246 KiB per upload (50MiB-c100"), g.measured());
    }

    @Test
    void heapReductionComparesTheLiveHeapAtTheProbe() {
        Goal g = Goals.heapReduction(results);
        assertEquals(Goal.Verdict.MISSED, g.verdict(), g.measured());
        assertTrue(g.measured().contains("85.6 % less"), g.measured());
        assertTrue(g.measured().contains("97.3 % less"), g.measured());
    }

    @Test
    void aSyncPathThatRanOutOfMemoryIsRecordedAsSuchNotAsARatio() {
        Results r = new Results(new Matrix("t", List.of(ReportFixture.BIG), Duration.ofSeconds(60), 5L << 30), List.of(Target.values()));
        var oom = new dev.uploadgateway.bench.load.LoadResult(100, 0, 0, 60, 40, 90, ReportFixture.BIG.fileBytes(),
                new dev.uploadgateway.bench.load.Percentiles(new double[0]), java.util.Map.of("OOM 503 sync-path-out-of-memory", 40), 50, true);
        r.add(new CellRecord(ReportFixture.BIG, Target.SYNC, oom, new dev.uploadgateway.bench.measure.Memory(90, Double.NaN,
                Double.NaN, -1, 510, 510, 900, 500, 80000, 400), List.of(), null, List.of()));
        r.add(ReportFixture.record(ReportFixture.BIG, Target.ASYNC, 2, 45000, 0, ReportFixture.heap(100, 120, 100)));
        Goal g = Goals.heapReduction(r);
        assertEquals(Goal.Verdict.SYNC_OOM, g.verdict());
        assertTrue(g.measured().contains("40 of 100 uploads answered 503 out-of-memory, 60 timed out"), g.measured());
        assertTrue(g.measured().contains("97.6 % less than the 5000 MiB the sync path would need"), g.measured());
    }

    @Test
    void throughputIsJudgedAtOneHundredConcurrentSmallUploads() {
        Goal g = Goals.throughput(results);
        assertEquals(Goal.Verdict.MET, g.verdict());
        assertTrue(g.measured().startsWith("1MiB-c100: 6.00×"), g.measured());
    }

    @Test
    void proxyComparisonNeedsBothDirectAndNginx() {
        Goal g = Goals.proxy(results);
        assertEquals(Goal.Verdict.MISSED, g.verdict(), g.measured());
        assertTrue(g.measured().contains("async/direct 0.85×, async/nginx 0.94×"), g.measured());
    }

    @Test
    void addedLatencyIsAsyncP50OverDirectP50() {
        Goal g = Goals.addedLatency(results);
        assertEquals(Goal.Verdict.MET, g.verdict());
        assertTrue(g.measured().contains("async +3.0 ms, sync +50.0 ms"), g.measured());
    }

    @Test
    void aMatrixWithoutTheNamedCellIsJudgedOnTheNearestAndSaysSo() {
        Results quick = new Results(new Matrix("q", List.of(ReportFixture.SMALL), Duration.ofSeconds(5), 1L << 30),
                List.of(Target.values()));
        ReportFixture.results().records().stream().filter(r -> r.cell().equals(ReportFixture.SMALL)).forEach(quick::add);
        Goal g = Goals.throughput(quick);
        assertTrue(g.measured().startsWith("1MiB-c10 (this matrix has no 1MiB-c100)"), g.measured());
        assertEquals(Cell.MIB, Goals.nearest(quick, 50, 100).orElseThrow().fileBytes());
    }
}
