package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB file through a gateway whose heap ({@code gateway.heap}, 160 MB) cannot hold what the
 * legacy path needs for it: the async path streams it, the sync path refuses it before reading
 * (its heap budget), and sync uploads that fit only one after another queue for that budget.
 */
class LargeFileIT extends GatewayIT {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static Path file;
    private static String sha256;

    @BeforeAll
    static void prepare() throws IOException {
        file = GatewayDeployment.randomFile("hundred.bin", HUNDRED_MB, 100);
        sha256 = GatewayDeployment.sha256(file);
    }

    @Test
    void streamsAHundredMegabyteFileOnTheAsyncPathInASmallHeap() throws Exception {
        long maxHeap = maxHeapBytes();
        assertTrue(maxHeap < 2 * HUNDRED_MB, "the heap cap is in force: " + maxHeap);
        GatewayClient.Answer answer = gateway.upload(file, "hundred.bin", "application/octet-stream",
                Keys.forPath(true, 50), Map.of("provider", "kimi"));
        assertEquals(201, answer.status(), answer.body());
        assertEquals("async", answer.json().getString("path"));
        assertEquals(sha256, answer.json().getString("sha256"));
        assertEquals(HUNDRED_MB, emulator.bySha256(sha256).orElseThrow().bytes());
    }

    @Test
    void theLegacyPathCannotBufferTheSameFileAndTheServerSurvivesIt() throws Exception {
        long before = emulator.received().size();
        GatewayClient.Answer answer = gateway.upload(file, "hundred.bin", "application/octet-stream",
                Keys.forPath(false, 50), Map.of("provider", "glm", "purpose", "fine-tune"));
        assertEquals(503, answer.status(), "buffering 100 MB in a 160 MB heap must fail");
        assertTrue(answer.json().getString("type").endsWith("/sync-path-out-of-memory"), answer.body());
        assertTrue(answer.json().getString("detail").contains("heap budget"), "refused from its length: " + answer.body());
        assertEquals(before, emulator.received().size(), "nothing reached the provider");
        assertEquals(200, gateway.get("api/rollout").status(), "the gateway still answers");
    }

    /**
     * Three 16 MiB sync uploads at once need 3 × 32 MiB of the 80 MiB budget (half of the 160 MiB
     * heap): two are read at once, the third waits, unread, until one of them has been delivered
     * (each delivery takes the emulator's 3 s), and all three arrive intact.
     */
    @Test
    void queuesSyncUploadsThatDoNotFitTheHeapBudgetTogether() throws Exception {
        Path sixteen = GatewayDeployment.randomFile("sixteen.bin", 16 * 1024 * 1024, 116);
        String sixteenSha = GatewayDeployment.sha256(sixteen);
        emulator.latency(Duration.ofSeconds(3));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> took = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                took.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    GatewayClient.Answer answer = gateway.upload(sixteen, "sixteen.bin", "application/octet-stream",
                            Keys.forPath(false, 50), Map.of("provider", "kimi"));
                    assertEquals(201, answer.status(), answer.body());
                    assertEquals("sync", answer.json().getString("path"));
                    return Duration.ofNanos(System.nanoTime() - start).toMillis();
                }));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Long> f : took) {
                millis.add(f.get(2, TimeUnit.MINUTES));
            }
            Collections.sort(millis);
            assertTrue(millis.get(2) >= 6_000, "the third waited for a delivery before it was read: " + millis + " ms");
            assertEquals(3, emulator.countBySha256(sixteenSha), "all three delivered intact");
        } finally {
            callers.shutdownNow();
        }
    }

    private long maxHeapBytes() throws Exception {
        GatewayClient.Answer metrics = gateway.get("metrics?scope=base");
        assertEquals(200, metrics.status(), metrics.body());
        Matcher m = Pattern.compile("(?m)^memory_maxHeap_bytes\\{mp_scope=\"base\"} ([0-9.E+]+)").matcher(metrics.body());
        assertTrue(m.find(), "memory_maxHeap_bytes in /metrics");
        return (long) Double.parseDouble(m.group(1));
    }
}
