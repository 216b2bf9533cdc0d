package dev.uploadgateway.it;

import dev.uploadgateway.testkit.LoopbackPorts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad configuration value stops the deployment with a message naming the key. Payara Micro
 * itself keeps running (it prints "ready" regardless), so the proof is that the API does not
 * answer and the log says why.
 */
class StartupValidationIT {

    @Test
    void refusesToDeployWithARolloutAboveHundredAndNamesTheKey() throws Exception {
        try (MicroProcess micro = MicroProcess.start(List.of("-Dasync.upload.rollout=150", "-Dasync.upload.enabled=yes",
                "-Dupload.async.max-in-flight=0", "-Dupload.max-bytes=abc", "-Dupload.sync.heap-share=1.5",
                "-Dauth.failed-login-burst=0", "-Dprovider.connect-timeout-seconds=soon",
                "-Drollout.promotion-window=weekdays 9-5", "-Drollout.stage.2.gate=sometimes",
                "-Drollout.webhooks.ops.url=ftp://hooks.example.com/x", "-Drollout.webhooks.ops.secret=never-logged-hook"))) {
            assertTrue(micro.awaitLog(log -> log.contains("Payara Micro") && log.contains("ready in"),
                    Duration.ofMinutes(3)), "Micro finished booting");
            String log = micro.log();
            assertTrue(log.contains("upload-gateway configuration is invalid"), "the refusal is logged");
            assertTrue(log.contains("async.upload.rollout must be a percentage from 0 to 100, was '150'"), "names the key");
            assertTrue(log.contains("async.upload.enabled must be true or false, was 'yes'"), "names every bad key");
            // the typed settings groups: a value that does not convert, and constraints, all in the same refusal
            assertTrue(log.contains("upload.async.max-in-flight must be greater than or equal to 1, was '0'"), "no zero places");
            assertTrue(log.contains("upload.max-bytes must be a whole number, was 'abc'"), "a value that does not convert");
            assertTrue(log.contains("upload.sync.heap-share must be less than or equal to 1, was '1.5'"), "a share above 1");
            assertTrue(log.contains("auth.failed-login-burst must be greater than or equal to 1, was '0'"), "another component's group");
            assertTrue(log.contains("provider.connect-timeout-seconds must be a whole number, was 'soon'"), "and a third's");
            assertTrue(log.contains("rollout.promotion-window: 'weekdays 9-5' is not a window: write"), "a window");
            assertTrue(log.contains("rollout.stage.2.gate must be auto or manual, was 'sometimes'"), "a gate");
            assertTrue(log.contains("rollout.webhooks.ops.url must be an absolute http or https URL"), "a webhook");
            assertFalse(log.contains("never-logged-hook"), "never a webhook's secret");
            GatewayClient gateway = GatewayClient.at(micro.url());
            assertEquals(404, gateway.get("api/rollout").status(), "the application is not deployed");
        }
    }

    @Test
    void refusesToStartWhenPostgresIsUnreachableAndNamesHostAndPort() throws Exception {
        int closed = LoopbackPorts.free();
        String log = refusedStart(Map.of("UPLOAD_GATEWAY_DB_HOST", "127.0.0.1",
                "UPLOAD_GATEWAY_DB_PORT", String.valueOf(closed), "UPLOAD_GATEWAY_DB_NAME", "upload_gateway",
                "UPLOAD_GATEWAY_DB_USER", "gateway", "UPLOAD_GATEWAY_DB_PASSWORD", "never-logged-1"));
        assertTrue(log.contains("upload-gateway cannot start: cannot reach PostgreSQL at UPLOAD_GATEWAY_DB_HOST=127.0.0.1, "
                + "UPLOAD_GATEWAY_DB_PORT=" + closed), log.lines().filter(l -> l.contains("cannot start")).findFirst().orElse(log));
        assertTrue(log.contains("check UPLOAD_GATEWAY_DB_HOST and UPLOAD_GATEWAY_DB_PORT"), "names the keys");
        assertFalse(log.contains("never-logged-1"), "the password is never logged");
    }

    @Test
    void refusesToStartOnAWrongPostgresPasswordAndNamesTheUserAndPasswordKeys() throws Exception {
        String log = refusedStart(Map.of("UPLOAD_GATEWAY_DB_HOST", "127.0.0.1",
                "UPLOAD_GATEWAY_DB_PORT", System.getProperty("gateway.postgres.port"), "UPLOAD_GATEWAY_DB_NAME", "upload_gateway",
                "UPLOAD_GATEWAY_DB_USER", "gateway", "UPLOAD_GATEWAY_DB_PASSWORD", "wrong-and-never-logged"));
        assertTrue(log.contains("upload-gateway cannot start: the database refused the login of UPLOAD_GATEWAY_DB_USER=gateway"),
                log.lines().filter(l -> l.contains("cannot start")).findFirst().orElse("no refusal in the log"));
        assertTrue(log.contains("check UPLOAD_GATEWAY_DB_PASSWORD"), "names the password's key");
        assertFalse(log.contains("wrong-and-never-logged"), "the password is never logged");
    }

    /** Starts a gateway that must refuse to deploy; answers its log. */
    private static String refusedStart(Map<String, String> environment) throws Exception {
        try (MicroProcess micro = MicroProcess.start(List.of(), Map.of(), environment)) {
            assertTrue(micro.awaitLog(log -> log.contains("Payara Micro") && log.contains("ready in"),
                    Duration.ofMinutes(3)), "Micro finished booting");
            assertEquals(404, GatewayClient.at(micro.url()).get("api/rollout").status(), "the application is not deployed");
            return micro.log();
        }
    }
}
