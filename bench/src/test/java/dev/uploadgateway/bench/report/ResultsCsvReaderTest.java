package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.bench.plan.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvReaderTest {

    @Test
    void readsBackWhatResultsCsvWrote() {
        Results results = ReportFixture.results();
        RunFigures read = ResultsCsvReader.read(ResultsCsv.render(results));
        RunFigures direct = RunFigures.of(results);
        assertEquals(direct.cells(), read.cells());
        for (CellRecord r : results.records()) {
            Figures want = direct.find(r.cell().id(), r.target()).orElseThrow();
            Figures got = read.find(r.cell().id(), r.target()).orElseThrow();
            assertEquals(want.uploadsPerSecond(), got.uploadsPerSecond(), 0.005);
            assertEquals(want.p50(), got.p50(), 0.05);
            assertEquals(want.p99(), got.p99(), 0.05);
            assertEquals(want.problems(), got.problems());
            assertEquals(want.requests(), got.requests());
            assertEquals(Double.isNaN(want.heapPerInFlightKiB()), Double.isNaN(got.heapPerInFlightKiB()));
        }
    }

    @Test
    void aMissingColumnCostsOnlyItsFigure() {
        RunFigures read = ResultsCsvReader.read("size_mib,concurrency,target,uploads_per_s\n50,100,gateway-async,3.20\n");
        Figures f = read.find("50MiB-c100", Target.ASYNC).orElseThrow();
        assertEquals(3.2, f.uploadsPerSecond(), 1e-9);
        assertTrue(Double.isNaN(f.p50()));
        assertEquals(-1, f.problems());
        assertEquals(-1, read.requests("50MiB-c100"));
    }

    @Test
    void aFileWithoutTargetsIsNoBaseline() {
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("cell,ok\n1MiB-c10,400\n", "x"));
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("cell,target\n1MiB-c10,haproxy\n", "x"));
        assertThrows(IllegalArgumentException.class, () -> Baseline.parse("", "x"));
    }

    @Test
    void theCommittedBaselineHasEveryCellOfTheFullRun() throws Exception {
        RunFigures before = Baseline.read(Path.of("results/baseline/results.csv"), "baseline").figures();
        assertEquals(8, before.cells().size());
        for (String cell : before.cells()) {
            for (Target t : Target.values()) {
                assertTrue(before.find(cell, t).isPresent(), cell + " " + t.label());
            }
        }
        assertEquals(71.30, before.find("1MiB-c100", Target.ASYNC).orElseThrow().uploadsPerSecond(), 1e-9);
        assertEquals(0.95, before.throughputRatio("1MiB-c100", Target.ASYNC, Target.SYNC), 0.005);
        assertEquals(100, before.find("50MiB-c100", Target.SYNC).orElseThrow().problems());
    }

    @Test
    void whatResultsCsvQuotesReadsBackUnchanged() {
        String field = "ERROR 500 \"internal\", then OK\nsecond line";
        assertEquals(List.of(List.of("x", field)), ResultsCsvReader.rows("x," + ResultsCsv.quote(field) + "\n"));
    }

    @Test
    void aQuoteLeftOpenMeansTheFileWasCutShort() {
        assertThrows(IllegalArgumentException.class, () -> ResultsCsvReader.rows("a,\"b\n"));
    }
}
