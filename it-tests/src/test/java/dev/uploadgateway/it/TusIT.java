package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * tus 1.0 at /api/tus: the official Java client (tus-java-client 0.5.1) interrupts an upload and
 * resumes it where the gateway says it stands; the protocol's discovery, creation with its first
 * bytes, checksums, termination and every refusal, over plain HTTP.
 */
class TusIT extends GatewayIT {

    @Test
    void theOfficialClientResumesAnUploadItInterruptedAndTheFileIsDeliveredOnce() throws Exception {
        Path file = GatewayDeployment.randomFile("tus-resumed.bin", 3 * 1024 * 1024 + 101, 61);
        String sha256 = GatewayDeployment.sha256(file);
        TusURLMemoryStore urls = new TusURLMemoryStore();
        TusUploader first = client(urls).resumeOrCreateUpload(upload(file));
        first.setChunkSize(64 * 1024);
        first.setRequestPayloadSize(512 * 1024);
        while (first.getOffset() < 1024 * 1024 + 7 && first.uploadChunk() > -1) {
            // the client sends a part of the file, then stops: a network gone, an app closed
        }
        first.finish();
        URL url = first.getUploadURL();
        long sent = first.getOffset();
        assertTrue(sent > 0 && sent < Files.size(file), "interrupted part-way: " + sent);
        assertEquals(sent, Long.parseLong(head(url).header("Upload-Offset")), "the gateway holds what was acknowledged");
        assertEquals(0, emulator.countBySha256(sha256), "nothing delivered before the last byte");

        TusUploader resumed = client(urls).resumeUpload(upload(file)); // a new client: HEAD, then on from the offset
        assertEquals(sent, resumed.getOffset(), "resumed where the gateway stands");
        resumed.setChunkSize(64 * 1024);
        while (resumed.uploadChunk() > -1) {
            // the rest
        }
        resumed.finish();
        assertEquals(url, resumed.getUploadURL());

        GatewayClient.Answer done = head(url);
        assertEquals(Long.toString(Files.size(file)), done.header("Upload-Offset"));
        String record = done.header("Upload-Gateway-Record");
        assertNotNull(record, "HEAD links the upload's record once the last byte is in");
        JsonObject delivered = awaitDelivered(URI.create(record));
        assertEquals(sha256, delivered.getString("sha256"));
        assertEquals("tus-resumed.bin", delivered.getString("filename"));
        assertEquals("kimi", delivered.getString("provider"));
        assertEquals(1, emulator.countBySha256(sha256), "delivered once, byte-identical");
        assertEquals(Files.size(file), emulator.bySha256(sha256).orElseThrow().bytes());
    }

    @Test
    void answersDiscoveryWithWhatItSpeaks() throws Exception {
        GatewayClient.Answer options = gateway.send(HttpRequest.newBuilder(uri("api/tus"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, options.status(), options.body());
        assertEquals("1.0.0", options.header("Tus-Version"));
        assertEquals("1.0.0", options.header("Tus-Resumable"));
        assertEquals("creation,creation-with-upload,checksum,termination,expiration", options.header("Tus-Extension"));
        assertEquals("sha1,sha256", options.header("Tus-Checksum-Algorithm"));
        assertTrue(Long.parseLong(options.header("Tus-Max-Size")) > 0);
    }

    @Test
    void createsWithItsFirstBytesChecksChecksumsAndLinksTheRecord() throws Exception {
        byte[] all = Files.readAllBytes(GatewayDeployment.randomFile("tus-sums.bin", 700_000, 62));
        byte[] head = Arrays.copyOfRange(all, 0, 300_000);
        byte[] tail = Arrays.copyOfRange(all, 300_000, all.length);
        GatewayClient.Answer created = gateway.send(tus("api/tus").header("Upload-Length", Integer.toString(all.length))
                .header("Upload-Metadata", metadata("tus-sums.bin") + ",purpose " + b64("file-extract") + ",provider " + b64("kimi"))
                .header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Checksum", "sha256 " + digest("SHA-256", head))
                .POST(HttpRequest.BodyPublishers.ofByteArray(head)).build());
        assertEquals(201, created.status(), created.body());
        assertEquals("300000", created.header("Upload-Offset"), "creation-with-upload kept the first bytes");
        assertNotNull(created.header("Upload-Expires"));
        URI upload = URI.create(created.header("Location"));

        GatewayClient.Answer wrong = patch(upload, 300_000, tail, "sha1 " + digest("SHA-1", head));
        assertEquals(460, wrong.status(), wrong.body());
        assertEquals("1.0.0", wrong.header("Tus-Resumable"));
        assertEquals("300000", head(upload.toURL()).header("Upload-Offset"), "a checksum mismatch keeps nothing");

        GatewayClient.Answer last = patch(upload, 300_000, tail, "sha1 " + digest("SHA-1", tail));
        assertEquals(204, last.status(), last.body());
        assertEquals(Integer.toString(all.length), last.header("Upload-Offset"));
        JsonObject delivered = awaitDelivered(URI.create(last.header("Upload-Gateway-Record")));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)), delivered.getString("sha256"));
        assertEquals(1, emulator.countBySha256(delivered.getString("sha256")));

        GatewayClient.Answer again = patch(upload, all.length, new byte[1], null);
        assertEquals(409, again.status(), "a completed upload takes no more bytes: " + again.body());
        assertEquals(1, emulator.countBySha256(delivered.getString("sha256")), "and delivers nothing again");
    }

    @Test
    void keepsTheBytesOfABodyCutShortSoTheClientResumesAfterThem() throws Exception {
        URI upload = create("tus-cut.bin", 1_000_000);
        byte[] bytes = new byte[1_000_000];
        try (Socket socket = new Socket("127.0.0.1", deployment.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                    + "Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 400_000);
            out.flush();
            // gone, part-way through the body
        }
        long offset = -1;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline; ) {
            offset = Long.parseLong(head(upload.toURL()).header("Upload-Offset"));
            if (offset > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(400_000, offset, "what arrived before the client went is kept");
    }

    @Test
    void refusesWhatTheProtocolRefusesWithItsStatus() throws Exception {
        GatewayClient.Answer noVersion = gateway.send(HttpRequest.newBuilder(uri("api/tus")).header("Upload-Length", "10")
                .header("Upload-Metadata", metadata("x.bin")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(412, noVersion.status());
        assertEquals("1.0.0", noVersion.header("Tus-Version"));
        assertProblem(noVersion, "tus-version-unsupported");

        assertProblem(send(tus("api/tus").header("Upload-Metadata", metadata("x.bin"))), 400, "invalid-parameter");
        assertProblem(send(tus("api/tus").header("Upload-Length", "10")), 400, "invalid-parameter"); // no filename
        assertProblem(send(tus("api/tus").header("Upload-Length", "10").header("Upload-Metadata", "filename not-base64!")),
                400, "invalid-parameter");
        assertProblem(send(tus("api/tus").header("Upload-Length", "999999999999")
                .header("Upload-Metadata", metadata("huge.bin"))), 413, "upload-too-large");

        URI upload = create("tus-refused.bin", 100);
        GatewayClient.Answer json = gateway.send(tus(upload).header("Upload-Offset", "0").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(json, 415, "unsupported-media-type");
        assertProblem(patch(upload, 50, new byte[10], null), 409, "offset-mismatch");
        assertProblem(patch(upload, 0, new byte[101], null), 413, "upload-too-large");
        assertProblem(patch(upload, 0, new byte[10], "md5 " + b64("x")), 400, "invalid-parameter");
        assertEquals(204, patch(upload, 0, new byte[10], null).status());
        assertEquals("10", head(upload.toURL()).header("Upload-Offset"), "only the accepted PATCH counts");

        GatewayClient.Answer terminated = gateway.send(tus(upload).DELETE().build());
        assertEquals(204, terminated.status(), terminated.body());
        assertEquals(404, head(upload.toURL()).status(), "a terminated upload is gone");
        assertProblem(patch(upload, 10, new byte[10], null), 404, "upload-not-found");
        assertProblem(patch(uri("api/tus/no-such-upload"), 0, new byte[1], null), 404, "upload-not-found");
    }

    private TusClient client(TusURLMemoryStore urls) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(uri("api/tus").toURL());
        client.enableResuming(urls);
        client.setHeaders(Map.of("X-Request-Id", Keys.forPath(true, 50)));
        return client;
    }

    private static TusUpload upload(Path file) throws Exception {
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("filename", file.getFileName().toString(), "filetype", "application/octet-stream",
                "provider", "kimi", "purpose", "file-extract"));
        return upload;
    }

    private URI create(String filename, long length) throws Exception {
        GatewayClient.Answer created = send(tus("api/tus").header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata(filename) + ",provider " + b64("kimi")));
        assertEquals(201, created.status(), created.body());
        assertNull(created.header("Upload-Offset"));
        return URI.create(created.header("Location"));
    }

    private GatewayClient.Answer head(URL upload) throws Exception {
        return gateway.send(tus(upload.toURI()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    private GatewayClient.Answer patch(URI upload, long offset, byte[] bytes, String checksum) throws Exception {
        HttpRequest.Builder request = tus(upload).header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (checksum != null) {
            request.header("Upload-Checksum", checksum);
        }
        return gateway.send(request.build());
    }

    private GatewayClient.Answer send(HttpRequest.Builder creation) throws Exception {
        return gateway.send(creation.POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder tus(String path) {
        return tus(uri(path));
    }

    private static HttpRequest.Builder tus(URI target) {
        return HttpRequest.newBuilder(target).header("Tus-Resumable", "1.0.0");
    }

    private JsonObject awaitDelivered(URI record) throws Exception {
        JsonObject last = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < deadline; ) {
            last = gateway.send(HttpRequest.newBuilder(record).GET().build()).json();
            if ("delivered".equals(last.getString("state"))) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not delivered within 60 s: " + last);
    }

    private static void assertProblem(GatewayClient.Answer answer, int status, String slug) {
        assertEquals(status, answer.status(), answer.body());
        assertProblem(answer, slug);
    }

    private static void assertProblem(GatewayClient.Answer answer, String slug) {
        assertTrue(answer.json().getString("type").endsWith("/" + slug), answer.body());
        assertEquals("1.0.0", answer.header("Tus-Resumable"));
    }

    private static String metadata(String filename) {
        return "filename " + b64(filename);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
