package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Turning async off is in force on the next decision: at a restart with a lower rollout (before the
 * first request), and at run time after a quiet period (no read started a settle clock beforehand).
 * Only more traffic, or a value that vanishes for an instant, waits for the rollout's 2.5 s settle.
 */
class KillSwitchIT {

    private static final List<String> OPTIONS = List.of("-Dauth.anonymous-uploads=true");

    @Test
    void aRestartWithALowerRolloutSendsTheFirstUploadSync() throws Exception {
        try (MicroProcess micro = MicroProcess.start(OPTIONS, Map.of(),
                Map.of("ASYNC_UPLOAD_ENABLED", "true", "ASYNC_UPLOAD_ROLLOUT", "100"))) {
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
            assertEquals("async", upload(micro, "before"), "at 100 % an upload goes async");
            micro.kill();
            micro.restart(Map.of("ASYNC_UPLOAD_ENABLED", "true", "ASYNC_UPLOAD_ROLLOUT", "0"));
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up again");
            for (int i = 0; i < 3; i++) {
                assertEquals("sync", upload(micro, "after-" + i), "upload " + i + " after the restart at 0 %");
            }
        }
    }

    @Test
    void aFlipToDisabledAfterAQuietPeriodSendsTheNextUploadsSync() throws Exception {
        try (MicroProcess micro = MicroProcess.start(OPTIONS,
                Map.of("async.upload.enabled", "true", "async.upload.rollout", "100"))) {
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
            GatewayClient gateway = GatewayClient.at(micro.url());
            gateway.awaitRollout(r -> r.getBoolean("asyncEnabled") && r.getJsonNumber("percent").doubleValue() == 100,
                    "the config directory's 100 % adopted");
            assertEquals("async", upload(micro, "before"));
            Thread.sleep(4_000); // quiet: nothing reads the switches (the controller's tick is a minute away)
            Files.writeString(micro.configDir.resolve("async.upload.enabled"), "false");
            Thread.sleep(1_500); // Payara's config cache (1 s) and its directory watch
            for (int i = 0; i < 3; i++) {
                assertEquals("sync", upload(micro, "after-" + i), "upload " + i + " after enabled=false");
            }
        }
    }

    private static String upload(MicroProcess micro, String name) throws Exception {
        Path file = GatewayDeployment.file(name + ".txt", name.getBytes());
        GatewayClient.Answer answer = GatewayClient.at(micro.url()).upload(file, name + ".txt", "text/plain", null, Map.of());
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("path");
    }
}
