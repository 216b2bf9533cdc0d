package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RenderingTest {

    @Test
    void chartIsWellFormedSvgWithABarPerMeasuredValue() throws Exception {
        String svg = SvgBarChart.render("T <1>", "MiB/s", List.of("a", "b"), List.of(
                new SvgBarChart.Series("sync", "#d62728", new double[]{10, Double.NaN}, new String[]{null, null}),
                new SvgBarChart.Series("async", "#1f77b4", new double[]{80, 120}, new String[]{"OOM×2", null})),
                false, 512, "-Xmx512m");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(3 + 1 + 2, doc.getElementsByTagName("rect").getLength(), "background, 3 bars, 2 legend keys");
        assertTrue(svg.contains("OOM×2") && svg.contains("n/a") && svg.contains("T &lt;1&gt;"));
    }

    @Test
    void logScaleSpansWholePowersOfTen() {
        SvgBarChart.Scale s = SvgBarChart.Scale.of(List.of(new SvgBarChart.Series("x", "#000", new double[]{250, 31000}, null)),
                Double.NaN, true);
        assertEquals(100, s.min(), 1e-9);
        assertEquals(100000, s.max(), 1e-9);
        assertEquals(List.of(100.0, 1000.0, 10000.0, 100000.0), s.ticks());
    }

    @Test
    void csvHasOneRowPerRecordAndQuotesWhereNeeded() {
        String csv = ResultsCsv.render(ReportFixture.results());
        String[] lines = csv.split("\n");
        assertEquals(1 + 11, lines.length);
        assertEquals(ResultsCsv.HEADER.size(), lines[0].split(",").length);
        assertEquals("\"a,b\"", ResultsCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultsCsv.quote("say \"hi\""));
    }

    @Test
    void reportCarriesMachineTargetsAndEveryCell() {
        RunInfo run = new RunInfo("full", "bench/run.sh", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(21),
                200, "512m", 60, 30, Map.of("CPU", "test cpu"), List.of("stopped answering during 50MiB-c100 gateway-sync"), true,
                ReportFixture.CRITERION, dev.uploadgateway.bench.plan.WarmUpRule.full());
        String md = MarkdownReport.render(ReportFixture.results(), run, List.of("throughput.svg"));
        assertTrue(md.contains("| CPU | test cpu |"));
        assertTrue(md.contains("## Targets"));
        assertTrue(md.contains("| 50MiB-c100 | gateway-sync |"));
        assertTrue(md.contains("![throughput](throughput.svg)"));
        assertTrue(md.contains("Gateway restarted: stopped answering during 50MiB-c100 gateway-sync"));
        assertTrue(md.contains("`-XX:StartFlightRecording`") && md.contains("JDK-8324241"), "how JFR is started, and why");
        assertEquals(512, run.heapLimitMiB(), 1e-9);
    }
}
