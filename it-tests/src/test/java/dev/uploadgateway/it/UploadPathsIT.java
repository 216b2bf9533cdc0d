package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ReceivedFile;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of file arrives byte-identical at the provider by both paths; the API's contract. */
class UploadPathsIT extends GatewayIT {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("notes.txt", "text/plain", repeat("Plain text line with ünïcødé — 日本語.\n")),
                Arguments.of("data.json", "application/json", repeat("{\"id\": 1, \"name\": \"x\", \"tags\": [\"a\", \"b\"]},\n")),
                Arguments.of("table.csv", "text/csv", repeat("id,name,\"quoted, field\",amount\r\n")),
                Arguments.of("README.md", "text/markdown", repeat("# Heading\n\n* item with `code`\n\n")),
                Arguments.of("main.py", "text/x-python", repeat("def f(x):\n    return x * 2  # comment\n")),
                Arguments.of("blob.bin", "application/octet-stream", null));
    }

    private static byte[] repeat(String line) {
        return line.repeat(1_200_000 / line.length() + 1).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deliversEveryKindByteIdenticalOnBothPaths(String name, String type, byte[] content) throws Exception {
        Path file = content != null ? GatewayDeployment.file(name, content)
                : GatewayDeployment.randomFile(name, 3 * 1024 * 1024 + 17, name.hashCode());
        String sha256 = GatewayDeployment.sha256(file);
        for (boolean async : new boolean[]{false, true}) {
            String provider = async ? "kimi" : "glm";
            GatewayClient.Answer answer = gateway.upload(file, name, type, Keys.forPath(async, 50),
                    Map.of("provider", provider));
            assertEquals(201, answer.status(), answer.body());
            JsonObject upload = answer.json();
            assertEquals(async ? "async" : "sync", upload.getString("path"));
            assertEquals(sha256, upload.getString("sha256"));
            assertEquals(provider, upload.getString("provider"));
            ReceivedFile received = emulator.received().stream()
                    .filter(f -> f.sha256Hex().equals(sha256) && f.flavour().equals(provider))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " did not reach " + provider));
            assertEquals(upload.getString("providerFileId"), received.id());
            assertEquals(name, received.filename());
            assertEquals(upload.getJsonNumber("bytes").longValue(), received.bytes());
        }
    }

    @Test
    void answersWithTheRecordItStores() throws Exception {
        Path file = GatewayDeployment.randomFile("record.bin", 1024 * 1024, 7);
        String key = Keys.forPath(true, 50);
        GatewayClient.Answer answer = gateway.upload(file, "record.bin", "application/octet-stream", key,
                Map.of("provider", "kimi"));
        assertEquals(201, answer.status(), answer.body());
        JsonObject created = answer.json();
        for (String field : new String[]{"id", "filename", "sha256", "provider", "providerFileId", "purpose", "path",
                "stickinessKey"}) {
            assertNotNull(created.get(field), field);
        }
        assertEquals("file-extract", created.getString("purpose"), "Kimi's default purpose");
        assertEquals(1, created.getInt("attempts"));
        assertTrue(created.getJsonNumber("durationMs").longValue() >= 0);
        assertEquals(key, created.getString("stickinessKey"));
        assertEquals(key, answer.header("X-Request-Id"));
        assertTrue(answer.header("Location").endsWith("/api/uploads/" + created.getString("id")));

        GatewayClient.Answer stored = gateway.get("api/uploads/" + created.getString("id"));
        assertEquals(200, stored.status());
        assertEquals(created, stored.json());
    }

    @Test
    void usesGlmsDefaultPurposeAgent() throws Exception {
        Path file = GatewayDeployment.file("glm.txt", repeat("glm\n"));
        GatewayClient.Answer answer = gateway.upload(file, "glm.txt", "text/plain", Keys.forPath(false, 50),
                Map.of("provider", "glm"));
        assertEquals(201, answer.status(), answer.body());
        assertEquals("agent", answer.json().getString("purpose"));
        assertEquals("agent", emulator.bySha256(GatewayDeployment.sha256(file)).orElseThrow().purpose());
    }

    @Test
    void generatesAStickinessKeyWhenTheCallerSendsNone() throws Exception {
        Path file = GatewayDeployment.file("nokey.txt", repeat("no key\n"));
        GatewayClient.Answer first = gateway.upload(file, "nokey.txt", "text/plain", null, Map.of());
        assertEquals(201, first.status(), first.body());
        String generated = first.header("X-Request-Id");
        assertNotNull(generated);
        assertEquals(generated, first.json().getString("stickinessKey"));
        String path = first.json().getString("path");
        for (int i = 0; i < 3; i++) {
            GatewayClient.Answer again = gateway.upload(file, "nokey.txt", "text/plain", generated, Map.of());
            assertEquals(path, again.json().getString("path"), "a retry with the returned key stays on its path");
        }
    }

    @Test
    void answersNotFoundWithAProblemBody() throws Exception {
        GatewayClient.Answer answer = gateway.get("api/uploads/no-such-upload");
        assertEquals(404, answer.status());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        JsonObject problem = answer.json();
        assertEquals(404, problem.getInt("status"));
        assertTrue(problem.getString("type").endsWith("/upload-not-found"));
        assertTrue(problem.getString("detail").contains("no-such-upload"));
    }

    @Test
    void refusesAnUnknownProviderAndADisallowedPurpose() throws Exception {
        Path file = GatewayDeployment.file("refused.txt", repeat("refused\n"));
        GatewayClient.Answer unknown = gateway.upload(file, "refused.txt", "text/plain", null, Map.of("provider", "openai"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().getString("type").endsWith("/unknown-provider"));
        GatewayClient.Answer purpose = gateway.upload(file, "refused.txt", "text/plain", null,
                Map.of("provider", "kimi", "purpose", "fine-tune"));
        assertEquals(400, purpose.status());
        assertTrue(purpose.json().getString("type").endsWith("/purpose-not-allowed"));
        assertEquals(0, emulator.countBySha256(GatewayDeployment.sha256(file)));
    }

    @Test
    void documentsEveryEndpointInOpenApiWithExamples() throws Exception {
        GatewayClient.Answer openapi = gateway.get("openapi");
        assertEquals(200, openapi.status());
        for (String path : new String[]{"/api/uploads:", "/api/uploads/{id}:", "/api/uploads.csv:", "/api/rollout:",
                "/v1/files:", "/v1/files/{id}:", "/v1/files/{id}/content:"}) {
            assertTrue(openapi.body().contains(path), path + " documented");
        }
        assertTrue(openapi.body().contains("examples:"), "with examples");
        assertTrue(openapi.body().contains("Idempotency-Key"));
    }

    @Test
    void reportsHealthOfDatabaseSpoolAndProvider() throws Exception {
        JsonObject ready = gateway.get("health/ready").json();
        assertEquals("UP", ready.getString("status"), ready.toString());
        JsonObject check = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("upload-gateway")).findFirst().orElseThrow();
        assertEquals("true", check.getJsonObject("data").getString("database"));
        assertEquals("true", check.getJsonObject("data").getString("spool"));
        assertEquals("UP", gateway.get("health/live").json().getString("status"));
        assertEquals("UP", gateway.get("health/started").json().getString("status"));
    }
}
