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
            assertEquals(want.cpuMsPerUpload(), got.cpuMsPerUpload(), 0.0005);
        }
    }

    @Test
    void cpuColumnsGoOutAndComeBackAndAnOlderFileHasNone() {
        Results results = ReportFixture.results();
        List<List<String>> rows = ResultsCsvReader.rows(ResultsCsv.render(results));
        List<String> header = rows.get(0);
        List<String> async = rows.stream().filter(r -> r.get(0).equals("1MiB-c10") && r.get(3).equals("gateway-async")).findFirst().orElseThrow();
        assertEquals("2700", async.get(header.indexOf("cpu_ms")));
        assertEquals("6.000", async.get(header.indexOf("cpu_ms_per_upload")));
        assertEquals("1.500", async.get(header.indexOf("cpu_over_floor")));
        assertEquals("3.000", async.get(header.indexOf("cpu_over_nginx")));
        assertEquals("0.500", async.get(header.indexOf("emulator_cpu_ms_per_upload")));
        List<String> direct = rows.stream().filter(r -> r.get(0).equals("1MiB-c10") && r.get(3).equals("direct")).findFirst().orElseThrow();
        assertEquals("", direct.get(header.indexOf("cpu_ms_per_upload")), "direct has no process of its own");
        assertEquals(6.0, ResultsCsvReader.read(ResultsCsv.render(results)).cpuMsPerUpload("1MiB-c10", Target.ASYNC), 1e-9);
        assertTrue(header.indexOf("cpu_ms") > header.indexOf("full_gcs") && header.indexOf("notes") == header.size() - 1,
                "new columns go before outcomes and notes; none of the old ones moved");
        assertTrue(Double.isNaN(ResultsCsvReader.read(BeforeAfterTest.BASELINE).cpuMsPerUpload("1MiB-c10", Target.ASYNC)));
    }

    @Test
    void aCellOfKiBKeepsItsIdAndSizeThroughTheFile() {
        dev.uploadgateway.bench.plan.Cell small = dev.uploadgateway.bench.plan.Cell.ofKiB(64, 10, 40, 1L << 30, false);
        Results results = new Results(new dev.uploadgateway.bench.plan.Matrix("t", List.of(small, ReportFixture.SMALL),
                java.time.Duration.ofSeconds(5), 1L << 30), List.of(Target.values()));
        results.add(ReportFixture.record(small, Target.ASYNC, 30, 260, 0, ReportFixture.none()));
        results.add(ReportFixture.record(ReportFixture.SMALL, Target.ASYNC, 30, 260, 0, ReportFixture.none()));
        String csv = ResultsCsv.render(results);
        assertTrue(csv.contains("\n64KiB-c10,0.0625,10,gateway-async,"), csv);
        assertEquals(List.of("64KiB-c10", "1MiB-c10"), ResultsCsvReader.read(csv).cells(), "ordered by size, KiB before MiB");
        RunFigures bySize = ResultsCsvReader.read("size_mib,concurrency,target,uploads_per_s\n0.0625,100,gateway-async,9\n");
        assertEquals(9, bySize.find("64KiB-c100", Target.ASYNC).orElseThrow().uploadsPerSecond(), 1e-9);
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
            for (Target t : List.of(Target.DIRECT, Target.SYNC, Target.ASYNC, Target.NGINX)) {
                assertTrue(before.find(cell, t).isPresent(), cell + " " + t.label());
            }
        }
        assertEquals(89.69, before.find("1MiB-c100", Target.ASYNC).orElseThrow().uploadsPerSecond(), 1e-9);
        assertEquals(1.27, before.throughputRatio("1MiB-c100", Target.ASYNC, Target.SYNC), 0.005);
        assertEquals(56, before.find("50MiB-c100", Target.SYNC).orElseThrow().problems());
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
