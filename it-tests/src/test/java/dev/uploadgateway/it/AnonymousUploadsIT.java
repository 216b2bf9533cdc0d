package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import dev.uploadgateway.testkit.MultipartForm;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway that can spend a paid provider's quota takes no anonymous uploads unless told to
 * ({@code auth.anonymous-uploads=auto}, the default): as soon as Kimi has an API key, uploads and
 * records need a tenant's key.
 */
class AnonymousUploadsIT {

    @Test
    void closesAnonymousUploadsOnceAPaidProviderIsConfigured() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().kimiKey("anon-kimi-key").start();
             MicroProcess micro = MicroProcess.start(List.of("-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(),
                     "-Dprovider.kimi.api-key=anon-kimi-key", "-Dupload.default-provider=kimi"), Map.of(),
                     Map.of("AUTH_API_KEYS", "acme:anon-acme-key"))) {
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
            GatewayClient gateway = GatewayClient.at(micro.url());
            Path file = GatewayDeployment.file("anon.txt", "hello".getBytes());
            for (String key : new String[]{null, "Bearer anon-acme-key"}) {
                MultipartForm form = new MultipartForm().file("file", "anon.txt", file);
                HttpRequest.Builder request = HttpRequest.newBuilder(micro.url().toURI().resolve("api/uploads"))
                        .timeout(Duration.ofMinutes(1)).header("Content-Type", form.contentType()).POST(form.publisher());
                if (key != null) {
                    request.header("Authorization", key);
                }
                GatewayClient.Answer answer = gateway.send(request.build());
                if (key == null) {
                    assertEquals(401, answer.status(), answer.body());
                    assertTrue(answer.json().getString("type").endsWith("/api-key-required"), answer.body());
                    assertFalse(answer.json().containsKey("traceId"), "telemetry is off by default: " + answer.body());
                    assertEquals(401, gateway.get("api/uploads").status(), "nor may it read records");
                } else {
                    assertEquals(201, answer.status(), answer.body());
                    // off means Payara made no SDK: its server span would have been valid, and stored
                    assertFalse(answer.json().containsKey("traceId"), "telemetry is off by default: " + answer.body());
                }
            }
            assertEquals(1, emulator.received().size(), "only the tenant's upload reached the provider");
        }
    }
}
