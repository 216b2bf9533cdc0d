package dev.uploadgateway.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

    @Test
    void onlyEventsInsideTheWindowCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.jfr");
        Instant beforeGc;
        Instant afterGc;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.start();
            beforeGc = Instant.now();
            System.gc();
            afterGc = Instant.now();
            recording.stop();
            recording.dump(file);
        }
        // A second either side: JFR's timestamps come from its own ticks, converted to wall-clock time.
        JfrSummary around = JfrSummary.read(file, beforeGc.minusSeconds(1), afterGc.plusSeconds(1));
        assertTrue(around.gcs() >= 1);
        assertEquals(JfrSummary.read(file).gcs(), around.gcs());
        assertEquals(0, JfrSummary.read(file, beforeGc.minusSeconds(60), beforeGc.minusSeconds(30)).gcs());
    }
}
