package dev.uploadgateway.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.bench.plan.Cell;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    /** A Payara Micro JVM's line as the kernel writes it (pid 4242, started at tick 31337). */
    static String javaLine(long utime, long stime) {
        return "4242 (java) S 4200 4200 2152 0 -1 4194560 381877 0 12 0 " + utime + " " + stime
                + " 7 3 20 0 312 0 31337 5061099520 230212 18446744073709551615 1 1 0 0 0 0 4 0 16800975 0 0 0 17 1 0 0 0 0 0";
    }

    private static CpuSample sample(String... lines) {
        Map<Long, ProcStat> entries = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            ProcStat stat = ProcStat.parse(line);
            entries.put(stat.pid(), stat);
        }
        return new CpuSample(entries);
    }

    @Test
    void readsUserAndSystemTicksButNotTheChildrens() {
        ProcStat stat = ProcStat.parse(javaLine(1000, 200));
        assertEquals(4242, stat.pid());
        assertEquals("java", stat.comm());
        assertEquals(1200, stat.cpuTicks(), "utime + stime; cutime 7 and cstime 3 left out");
        assertEquals(31337, stat.startTicks());
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("77 (C2 CompilerThre) S 1 1 1 0 -1 0 0 0 0 0 150 25 0 0 20 0 1 0 999 0 0 0");
        assertEquals("C2 CompilerThre", stat.comm());
        assertEquals(175, stat.cpuTicks());
        ProcStat odd = ProcStat.parse("78 (a) b (c)) R 1 1 1 0 -1 0 0 0 0 0 40 2 9 9 20 0 1 0 1000 0 0 0");
        assertEquals("a) b (c)", odd.comm());
        assertEquals(42, odd.cpuTicks());
        assertEquals(1000, odd.startTicks());
    }

    @Test
    void refusesWhatIsNoStatLine() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("not a stat line"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("1 (java) S 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("x (java) S 1 1 1 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 9 0 0 0"));
    }

    @Test
    void cpuPerUploadAndPerMiBComeFromTwoSamples() {
        CpuSample before = sample(javaLine(1000, 200));
        CpuSample after = sample(javaLine(1250, 250));
        CpuSample.Delta used = after.since(before);
        assertEquals(new CpuSample.Delta(300, 0), used);
        CpuUse use = CpuUse.of(used, 20, new CpuSample.Delta(30, 0), new CpuSample.Delta(50, 0), 1, List.of(), 100);
        assertEquals(2800, use.processMs(), 1e-9, "300 ticks of 10 ms, less the probe's 20 ticks");
        assertEquals(200, use.excludedMs(), 1e-9);
        assertEquals(300, use.jitMs(), 1e-9);
        assertEquals(28.0, use.perUploadMs(100), 1e-9);
        assertEquals(28.0, use.perMiBMs(100, Cell.MIB), 1e-9);
        assertEquals(448.0, use.perMiBMs(100, 64 * Cell.KIB), 1e-9, "a 64 KiB upload: 16 of them per MiB");
        assertEquals(5.0, use.emulatorPerUploadMs(100), 1e-9);
    }

    @Test
    void aProcessBornBetweenTheSamplesCountsWhole() {
        String master = "10 (nginx) S 1 10 10 0 -1 0 0 0 0 0 5 5 0 0 20 0 1 0 500 0 0 0";
        CpuSample before = sample(master, "11 (nginx) S 10 10 10 0 -1 0 0 0 0 0 100 20 0 0 20 0 1 0 501 0 0 0");
        CpuSample after = sample(master, "11 (nginx) S 10 10 10 0 -1 0 0 0 0 0 130 30 0 0 20 0 1 0 501 0 0 0",
                "12 (nginx) S 10 10 10 0 -1 0 0 0 0 0 7 1 0 0 20 0 1 0 900 0 0 0");
        assertEquals(new CpuSample.Delta(40 + 8, 0), after.since(before));
    }

    @Test
    void aProcessThatEndedOrWhosePidWasReusedMakesTheFigureUnknown() {
        CpuSample before = sample(javaLine(1000, 200));
        CpuSample reused = sample("4242 (java) S 1 1 1 0 -1 0 0 0 0 0 3 1 0 0 20 0 1 0 99999 0 0 0");
        CpuSample.Delta delta = reused.since(before);
        assertEquals(1, delta.ended());
        assertEquals(1, sample().since(before).ended());
        CpuUse use = CpuUse.of(delta, 0, new CpuSample.Delta(0, 0), new CpuSample.Delta(10, 0), 1, List.of(), 100);
        assertTrue(Double.isNaN(use.processMs()));
        assertTrue(Double.isNaN(use.perUploadMs(100)));
        assertTrue(use.problem().contains("ended during the cell"), use.problem());
    }

    @Test
    void directHasNoProcessOfItsOwnOnlyTheEmulatorsFigure() {
        CpuUse use = CpuUse.of(new CpuSample.Delta(0, 0), 0, new CpuSample.Delta(0, 0), new CpuSample.Delta(70, 0), 0, List.of(), 100);
        assertTrue(Double.isNaN(use.perUploadMs(40)));
        assertEquals(17.5, use.emulatorPerUploadMs(40), 1e-9);
        assertTrue(Double.isNaN(use.perUploadMs(0)));
    }

    @Test
    void onlyHotSpotsCompilerThreadsCountAsJit() {
        assertTrue(CpuSample.compiler("C2 CompilerThre"));
        assertTrue(CpuSample.compiler("C1 CompilerThre"));
        assertTrue(!CpuSample.compiler("GC Thread#0") && !CpuSample.compiler("Sweeper thread") && !CpuSample.compiler("java"));
    }
}
