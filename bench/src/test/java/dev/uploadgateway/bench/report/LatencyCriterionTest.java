package dev.uploadgateway.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.load.Percentiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyCriterionTest {

    private static final LatencyCriterion STAGE_1 = new LatencyCriterion(1.10, 100, "test");

    /** {@code n} successes, the i-th taking {@code base + i} ms: p95 = base + ceil(0.95 n) − 1. */
    private static LoadResult latencies(int n, double base) {
        double[] ms = IntStream.range(0, n).mapToDouble(i -> base + i).toArray();
        return new LoadResult(n, n, 0, 0, 0, 10, 1, new Percentiles(ms), Map.of(), 0, true);
    }

    @Test
    void passesWhenAsyncP95StaysWithinTheRatioOfSyncP95() {
        LoadResult sync = latencies(200, 1000);
        LoadResult async = latencies(200, 1100);
        LatencyCriterion.Verdict v = STAGE_1.judge(async, sync);
        assertEquals(1289.0 / 1189.0, v.p95Ratio(), 1e-9);
        assertEquals(LatencyCriterion.Outcome.PASS, v.outcome());
    }

    @Test
    void failsAboveTheRatioWhateverP50Says() {
        LoadResult sync = latencies(200, 1000);
        double[] slowTail = IntStream.range(0, 200).mapToDouble(i -> i < 180 ? 500 : 5000).toArray();
        LoadResult async = new LoadResult(200, 200, 0, 0, 0, 10, 1, new Percentiles(slowTail), Map.of(), 0, true);
        LatencyCriterion.Verdict v = STAGE_1.judge(async, sync);
        assertTrue(async.p50() < sync.p50(), "async's p50 is better, and not judged");
        assertEquals(LatencyCriterion.Outcome.FAIL, v.outcome());
        assertTrue(STAGE_1.describe(v, async, sync).startsWith("would not pass: 4.21 > 1.10"), STAGE_1.describe(v, async, sync));
    }

    @Test
    void judgesNothingOnFewerSamplesThanTheGatewayNeeds() {
        LatencyCriterion.Verdict v = STAGE_1.judge(latencies(99, 10), latencies(400, 1000));
        assertEquals(LatencyCriterion.Outcome.TOO_FEW_SAMPLES, v.outcome());
        assertTrue(STAGE_1.describe(v, latencies(99, 10), latencies(400, 1000)).contains("99 async / 400 sync"));
        assertEquals(LatencyCriterion.Outcome.NOT_MEASURED, STAGE_1.judge(latencies(0, 1), latencies(200, 1)).outcome());
    }

    @Test
    void takesTheKeysTheGatewayShips() throws Exception {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../ejb/src/main/resources/META-INF/microprofile-config.properties"))) {
            shipped.load(in);
        }
        LatencyCriterion c = LatencyCriterion.of(shipped, "shipped");
        assertEquals(Double.parseDouble(shipped.getProperty("rollout.stage.1.max-latency-ratio")), c.maxP95Ratio(), 1e-12);
        assertEquals(Integer.parseInt(shipped.getProperty("rollout.recent-window")), c.minSamples());
        assertTrue(c.maxP95Ratio() > 0);
    }

    @Test
    void readsTheRuleFromTheEjbJarInsideTheWar(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(jar)) {
            z.putNextEntry(new ZipEntry("META-INF/microprofile-config.properties"));
            z.write("# a comment\nrollout.stage.1.max-latency-ratio=1.25\nrollout.recent-window=50\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        Path war = dir.resolve("upload-gateway.war");
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("WEB-INF/lib/commons-csv-1.12.0.jar"));
            z.write(new byte[]{1, 2, 3});
            z.putNextEntry(new ZipEntry("WEB-INF/lib/upload-gateway-ejb-1.0.0-SNAPSHOT.jar"));
            z.write(jar.toByteArray());
        }
        LatencyCriterion c = LatencyCriterion.read(war);
        assertEquals(1.25, c.maxP95Ratio(), 1e-12);
        assertEquals(50, c.minSamples());
        assertEquals("upload-gateway.war!/upload-gateway-ejb-1.0.0-SNAPSHOT.jar!/META-INF/microprofile-config.properties", c.source());
        assertTrue(Double.isNaN(LatencyCriterion.read(dir.resolve("missing.war")).maxP95Ratio()));
    }
}
