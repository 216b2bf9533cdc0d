package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileDeleted;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.uploads.Upload;
import com.openai.models.uploads.UploadCompleteParams;
import com.openai.models.uploads.UploadCreateParams;
import com.openai.models.uploads.parts.PartCreateParams;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the gateway's /v1, does its whole files workflow. */
class OpenAiFilesIT extends GatewayIT {

    private static final String KEY = System.getProperty("gateway.files-key");

    private OpenAIClient sdk(String apiKey) {
        return OpenAIOkHttpClient.builder().apiKey(apiKey)
                .baseUrl("http://127.0.0.1:" + deployment.getPort() + "/v1").maxRetries(0).build();
    }

    @Test
    void uploadsListsRetrievesDownloadsAndDeletesWithTheOfficialSdk() throws Exception {
        OpenAIClient client = sdk(KEY);
        Path file = GatewayDeployment.randomFile("sdk.bin", 1024 * 1024 + 3, 31);
        String stickiness = Keys.forPath(true, 50);

        FileObject created = client.files().create(FileCreateParams.builder().file(file)
                .purpose(FilePurpose.ASSISTANTS).putAdditionalHeader("X-Request-Id", stickiness).build());
        assertTrue(created.id().startsWith("file-"), created.id());
        assertEquals(Files.size(file), created.bytes());
        assertEquals("sdk.bin", created.filename());
        assertEquals("assistants", created.purpose().asString());

        String uploadId = created.id().substring("file-".length());
        GatewayClient.Answer record = gateway.send(java.net.http.HttpRequest.newBuilder(uri("api/uploads/" + uploadId))
                .header("Authorization", "Bearer " + KEY).GET().build());
        assertEquals("async", record.json().getString("path"), "the rollout chose the path, as for /api/uploads");
        assertEquals(404, gateway.get("api/uploads/" + uploadId).status(), "the key's tenant's record, not anyone's");

        assertTrue(client.files().list().data().stream().anyMatch(f -> f.id().equals(created.id())));
        assertEquals(created.bytes(), client.files().retrieve(created.id()).bytes());
        try (HttpResponse content = client.files().content(created.id()); InputStream body = content.body()) {
            assertArrayEquals(Files.readAllBytes(file), body.readAllBytes());
        }

        FileDeleted deleted = client.files().delete(created.id());
        assertTrue(deleted.deleted());
        assertTrue(client.files().list().data().stream().noneMatch(f -> f.id().equals(created.id())));
        assertThrows(NotFoundException.class, () -> client.files().retrieve(created.id()));
    }

    @Test
    void refusesAWrongKeyWithAnOpenAiStyleError() throws Exception {
        assertThrows(UnauthorizedException.class, () -> sdk("not-the-key").files().list());
        GatewayClient.Answer missing = gateway.send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + deployment.getPort() + "/v1/files")).GET().build());
        assertEquals(401, missing.status());
        assertEquals("invalid_api_key", missing.json().getJsonObject("error").getString("code"));
    }

    /**
     * OpenAI's Uploads API with the official SDK: three parts sent at once and out of order, then
     * completed in order with their MD5: one file at the provider (the emulator's Kimi), byte-identical,
     * on the path the rollout chose for the stickiness key.
     */
    @Test
    void sendsAFileInThreePartsInParallelOutOfOrderAndCompletesItWithItsMd5() throws Exception {
        OpenAIClient client = sdk(KEY);
        byte[] all = Files.readAllBytes(GatewayDeployment.randomFile("parted.bin", 3 * 1024 * 1024 + 17, 33));
        Upload created = client.uploads().create(UploadCreateParams.builder().bytes(all.length).filename("parted.bin")
                .mimeType("application/octet-stream").purpose(FilePurpose.of("file-extract"))
                .putAdditionalBodyProperty("provider", com.openai.core.JsonValue.from("kimi"))
                .putAdditionalHeader("X-Request-Id", Keys.forPath(true, 50)).build());
        assertEquals(Upload.Status.PENDING, created.status());
        assertTrue(created.id().startsWith("upload_"), created.id());
        assertEquals(3600, created.expiresAt() - created.createdAt());

        int[] cuts = {0, 1024 * 1024, 2 * 1024 * 1024, all.length};
        String[] partIds = new String[3];
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            Future<?>[] sent = new Future<?>[3];
            for (int i : new int[]{2, 0, 1}) { // out of order, all at once
                byte[] slice = Arrays.copyOfRange(all, cuts[i], cuts[i + 1]);
                sent[i] = senders.submit(() -> partIds[i] = client.uploads().parts().create(PartCreateParams.builder()
                        .uploadId(created.id()).data(slice).build()).id());
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertEquals(0, emulator.countBySha256(sha256(all)), "nothing delivered before the completion");

        Upload done = client.uploads().complete(UploadCompleteParams.builder().uploadId(created.id())
                .partIds(List.of(partIds)).md5(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(all))).build());
        assertEquals(Upload.Status.COMPLETED, done.status());
        FileObject file = done.file().orElseThrow();
        assertEquals(all.length, file.bytes());
        assertEquals("parted.bin", file.filename());
        assertEquals(1, emulator.countBySha256(sha256(all)), "one file at the provider");
        assertEquals(all.length, emulator.bySha256(sha256(all)).orElseThrow().bytes());

        JsonObject record = gateway.send(HttpRequest.newBuilder(uri("api/uploads/" + file.id().substring("file-".length())))
                .header("Authorization", "Bearer " + KEY).GET().build()).json();
        assertEquals(sha256(all), record.getString("sha256"), "the joined parts' SHA-256 recorded");
        assertEquals("async", record.getString("path"), "the rollout's path for the key");
        assertEquals("kimi", record.getString("provider"));

        Upload again = client.uploads().complete(UploadCompleteParams.builder().uploadId(created.id())
                .partIds(List.of(partIds)).build());
        assertEquals(file.id(), again.file().orElseThrow().id(), "a second completion answers the same file");
        assertEquals(1, emulator.countBySha256(sha256(all)), "and delivers nothing again");
    }

    /** Every bad input of the Uploads API gets its status and OpenAI-shaped error, and nothing is delivered. */
    @Test
    void refusesBadPartsAndCompletionsAndDeliversNothing() throws Exception {
        byte[] all = Files.readAllBytes(GatewayDeployment.randomFile("bad-parted.bin", 200_000, 34));
        String id = post("v1/uploads", "{\"bytes\":" + all.length + ",\"filename\":\"bad-parted.bin\","
                + "\"mime_type\":\"application/octet-stream\",\"purpose\":\"file-extract\",\"provider\":\"kimi\"}", 200)
                .getString("id");
        String first = part(id, Arrays.copyOfRange(all, 0, 100_000), 200).getString("id");
        String second = part(id, Arrays.copyOfRange(all, 100_000, all.length), 200).getString("id");
        expectError(part(id, new byte[1], 413), "upload-too-large"); // the parts would exceed bytes
        Path parts = Path.of(System.getProperty("gateway.spool.dir"), "parts", id.substring("upload_".length()));
        assertEquals(2, Files.list(parts).count(), "the two acknowledged parts are on disk, the refused one is not");

        expectError(post("v1/uploads/" + id + "/complete", "{\"part_ids\":[\"" + first + "\"]}", 400), "parts-mismatch");
        expectError(post("v1/uploads/" + id + "/complete", "{\"part_ids\":[\"" + first + "\",\"part_nope\"]}", 400),
                "parts-mismatch");
        expectError(post("v1/uploads/" + id + "/complete", "{\"part_ids\":[\"" + first + "\",\"" + first + "\"]}", 400),
                "parts-mismatch");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(all));
        expectError(post("v1/uploads/" + id + "/complete", "{\"part_ids\":[\"" + second + "\",\"" + first + "\"],"
                + "\"md5\":\"" + md5 + "\"}", 400), "checksum-mismatch"); // the wrong order
        assertEquals(0, emulator.countBySha256(sha256(all)), "no refusal delivered anything");

        JsonObject cancelled = post("v1/uploads/" + id + "/cancel", "", 200);
        assertEquals("cancelled", cancelled.getString("status"));
        expectError(part(id, new byte[10], 409), "upload-not-pending");
        expectError(post("v1/uploads/" + id + "/complete", "{\"part_ids\":[\"" + first + "\",\"" + second + "\"]}", 409),
                "upload-not-pending");
        expectError(part("upload_not-one", new byte[10], 404), "upload-not-found");
        expectError(post("v1/uploads", "{\"bytes\":0,\"filename\":\"x.bin\",\"mime_type\":\"text/plain\","
                + "\"purpose\":\"file-extract\"}", 400), "invalid-parameter");
        expectError(post("v1/uploads", "{\"bytes\":200000000,\"filename\":\"x.bin\",\"mime_type\":\"text/plain\","
                + "\"purpose\":\"file-extract\"}", 413), "upload-too-large");
        assertTrue(Files.notExists(parts), "the cancelled upload's parts are removed");

        String expiring = post("v1/uploads", "{\"bytes\":10,\"filename\":\"late.bin\",\"mime_type\":\"text/plain\","
                + "\"purpose\":\"file-extract\",\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":1}}", 200).getString("id");
        Thread.sleep(2_100); // created_at is whole seconds: past it by more than one
        expectError(part(expiring, new byte[10], 410), "upload-expired");
        expectError(post("v1/uploads/" + expiring + "/complete", "{\"part_ids\":[\"part_x\"]}", 410), "upload-expired");
        assertEquals("expired", gateway.send(HttpRequest.newBuilder(uri("v1/uploads/" + expiring))
                .header("Authorization", "Bearer " + KEY).GET().build()).json().getString("status"));
        assertEquals(0, emulator.countBySha256(sha256(all)));
    }

    private JsonObject post(String path, String json, int status) throws Exception {
        GatewayClient.Answer answer = gateway.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertEquals(status, answer.status(), path + ": " + answer.body());
        return answer.json();
    }

    private JsonObject part(String id, byte[] data, int status) throws Exception {
        var form = new dev.uploadgateway.testkit.MultipartForm().file("data", "blob", data);
        GatewayClient.Answer answer = gateway.send(HttpRequest.newBuilder(uri("v1/uploads/" + id + "/parts"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

    private static void expectError(JsonObject answer, String code) {
        assertEquals(code, answer.getJsonObject("error").getString("code"), answer.toString());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
