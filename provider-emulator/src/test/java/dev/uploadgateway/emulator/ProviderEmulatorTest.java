package dev.uploadgateway.emulator;

import dev.uploadgateway.testkit.MultipartForm;

import static dev.uploadgateway.emulator.EmulatorClient.GLM;
import static dev.uploadgateway.emulator.EmulatorClient.GLM_KEY;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI_KEY;
import static dev.uploadgateway.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderEmulatorTest {

    private static ProviderEmulator emulator;
    private static EmulatorClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = ProviderEmulator.builder().start();
        client = new EmulatorClient(emulator.port());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void forgetEarlierUploads() {
        emulator.reset();
    }

    @Test
    void recordsSizeAndSha256OfA20MegabyteFileUploadedToBothFlavours(@TempDir Path dir) throws Exception {
        long size = 20L * 1024 * 1024;
        Path file = TestFiles.random(dir.resolve("report.bin"), size, 20);
        String sha256 = TestFiles.sha256(file);

        HttpResponse<String> kimi = client.upload(KIMI, KIMI_KEY,
                new MultipartForm().field("purpose", "file-extract").file("file", "report.bin", file));
        HttpResponse<String> glm = client.upload(GLM, GLM_KEY,
                new MultipartForm().file("file", "report.bin", file).field("purpose", "file"));

        assertEquals(200, kimi.statusCode(), kimi.body());
        assertEquals(200, glm.statusCode(), glm.body());
        JsonObject answer = object(kimi);
        assertTrue(answer.getString("id").startsWith("file-"));
        assertEquals("file", answer.getString("object"));
        assertEquals(size, answer.getJsonNumber("bytes").longValue());
        assertEquals("report.bin", answer.getString("filename"));
        assertEquals("file-extract", answer.getString("purpose"));
        assertEquals("ok", answer.getString("status"));
        assertTrue(answer.getJsonNumber("created_at").longValue() > 1_700_000_000L);
        assertEquals(2, emulator.countBySha256(sha256));
        List<ReceivedFile> received = emulator.received();
        assertEquals(List.of("kimi", "glm"), received.stream().map(ReceivedFile::flavour).toList());
        for (ReceivedFile each : received) {
            assertEquals(size, each.bytes());
            assertEquals(sha256, each.sha256Hex());
            assertEquals(sha256, TestFiles.sha256(each.storedAt()));
        }
        assertEquals(answer.getString("id"), received.get(0).id());
    }

    @Test
    void rejectsAMissingOrWrongKeyWith401AndRecordsNothing() throws Exception {
        MultipartForm form = new MultipartForm().field("purpose", "file-extract").file("file", "a.txt", new byte[10]);

        HttpResponse<String> wrong = client.upload(KIMI, "not-the-key", form);
        HttpResponse<String> otherFlavoursKey = client.upload(GLM, KIMI_KEY, form);
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(client.uri(KIMI))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());

        for (HttpResponse<String> response : List.of(wrong, otherFlavoursKey, missing)) {
            assertEquals(401, response.statusCode());
            JsonObject error = object(response).getJsonObject("error");
            assertEquals("invalid_request_error", error.getString("type"));
            assertEquals("invalid_api_key", error.getString("code"));
            assertFalse(error.getString("message").isBlank());
        }
        assertEquals(3, emulator.requestCount());
        assertTrue(emulator.received().isEmpty());
    }

    @Test
    void rejectsAnUploadWithoutPurposeWith400() throws Exception {
        HttpResponse<String> response = client.upload(KIMI, KIMI_KEY,
                new MultipartForm().file("file", "a.txt", TestFiles.random(1000, 1)));

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request_error", object(response).getJsonObject("error").getString("type"));
        assertTrue(object(response).getJsonObject("error").getString("message").contains("purpose"));
        assertTrue(emulator.received().isEmpty());
        try (var stored = Files.list(emulator.storage())) {
            assertEquals(0, stored.count(), "a rejected upload leaves no file behind");
        }
    }

    @Test
    void rejectsAnUploadWithoutFilePartWith400() throws Exception {
        HttpResponse<String> response = client.upload(GLM, GLM_KEY, new MultipartForm().field("purpose", "file"));

        assertEquals(400, response.statusCode());
        assertTrue(object(response).getJsonObject("error").getString("message").contains("file"));
    }

    @Test
    void rejectsABodyThatIsNotMultipartWith400() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri(KIMI))
                .header("Authorization", "Bearer " + KIMI_KEY)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"purpose\":\"file-extract\"}")).build());

        assertEquals(400, response.statusCode());
        assertEquals(1, emulator.requestCount());
    }

    @Test
    void listsGetsServesAndDeletesAnUploadedFile() throws Exception {
        byte[] content = TestFiles.random(300_000, 7);
        String id = object(client.upload(KIMI, KIMI_KEY,
                new MultipartForm().field("purpose", "file-extract").file("file", "notes.pdf", content))).getString("id");

        JsonObject list = object(client.get(KIMI, KIMI_KEY));
        JsonObject one = object(client.get(KIMI + "/" + id, KIMI_KEY));
        HttpResponse<byte[]> served = client.getBytes(KIMI + "/" + id + "/content", KIMI_KEY);
        HttpResponse<String> deleted = client.delete(KIMI + "/" + id, KIMI_KEY);

        assertEquals("list", list.getString("object"));
        assertEquals(id, list.getJsonArray("data").getJsonObject(0).getString("id"));
        assertEquals("notes.pdf", one.getString("filename"));
        assertEquals(300_000, one.getInt("bytes"));
        assertArrayEquals(content, served.body());
        assertEquals(id, object(deleted).getString("id"));
        assertTrue(object(deleted).getBoolean("deleted"));
        assertEquals(404, client.get(KIMI + "/" + id, KIMI_KEY).statusCode());
        assertEquals(0, object(client.get(KIMI, KIMI_KEY)).getJsonArray("data").size());
        assertEquals(1, emulator.countBySha256(TestFiles.sha256(content)), "the ledger remembers deleted files");
    }

    @Test
    void keepsEachFlavoursFilesToItself() throws Exception {
        String id = object(client.upload(GLM, GLM_KEY,
                new MultipartForm().field("purpose", "file").file("file", "a.txt", new byte[5]))).getString("id");

        assertEquals(200, client.get(GLM + "/" + id, GLM_KEY).statusCode());
        assertEquals(404, client.get(KIMI + "/" + id, KIMI_KEY).statusCode());
        assertEquals(404, client.delete(KIMI + "/" + id, KIMI_KEY).statusCode());
        assertEquals(404, client.get(KIMI + "/" + id + "/nonsense", KIMI_KEY).statusCode());
    }

    @Test
    void keepsAChineseFilenameIntact() throws Exception {
        HttpResponse<String> response = client.upload(GLM, GLM_KEY,
                new MultipartForm().field("purpose", "file").file("file", "季度报告.pdf", new byte[3]));

        assertEquals("季度报告.pdf", object(response).getString("filename"));
        assertEquals("季度报告.pdf", emulator.received().get(0).filename());
    }

    @Test
    void recordsButDoesNotKeepBytesWhenKeepFilesIsOff(@TempDir Path storage) throws Exception {
        try (ProviderEmulator lean = ProviderEmulator.builder().storage(storage).keepFiles(false).start()) {
            EmulatorClient leanClient = new EmulatorClient(lean.port());
            byte[] content = TestFiles.random(100_000, 3);

            String id = object(leanClient.upload(KIMI, KIMI_KEY,
                    new MultipartForm().field("purpose", "file-extract").file("file", "b.bin", content))).getString("id");

            ReceivedFile received = lean.bySha256(TestFiles.sha256(content)).orElseThrow();
            assertEquals(100_000, received.bytes());
            assertFalse(Files.exists(received.storedAt()));
            assertEquals(404, leanClient.get(KIMI + "/" + id + "/content", KIMI_KEY).statusCode());
        }
    }
}
