package dev.uploadgateway.emulator;

import dev.uploadgateway.testkit.MultipartForm;

import static dev.uploadgateway.emulator.EmulatorClient.GLM;
import static dev.uploadgateway.emulator.EmulatorClient.GLM_KEY;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutageAndLoadTest {

    @Test
    void downRefusesConnectionsAndUpListensAgainOnTheSamePort() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().start()) {
            EmulatorClient client = new EmulatorClient(emulator.port());
            int port = emulator.port();
            assertEquals(200, client.upload(KIMI, KIMI_KEY, form(1)).statusCode());

            emulator.down();
            assertThrows(ConnectException.class, () -> client.upload(KIMI, KIMI_KEY, form(2)));
            emulator.up();

            assertEquals(port, emulator.port());
            assertEquals(200, client.upload(KIMI, KIMI_KEY, form(3)).statusCode());
            assertEquals(2, emulator.received().size(), "records survive an outage");
        }
    }

    @Test
    void acceptsAThousandConcurrentUploads() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().keepFiles(false).start()) {
            EmulatorClient client = new EmulatorClient(emulator.port());
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                boolean kimi = i % 2 == 0;
                uploads.add(EmulatorClient.http().sendAsync(
                        client.uploadRequest(kimi ? KIMI : GLM, kimi ? KIMI_KEY : GLM_KEY, form(i)).build(),
                        BodyHandlers.ofString()));
            }

            CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertTrue(uploads.stream().allMatch(u -> u.join().statusCode() == 200));
            assertEquals(1000, emulator.received().size());
            assertEquals(1000, emulator.received().stream().map(ReceivedFile::sha256Hex).distinct().count());
        }
    }

    private static MultipartForm form(long seed) {
        return new MultipartForm().field("purpose", "file").file("file", "f" + seed + ".bin", TestFiles.random(8192, seed));
    }
}
