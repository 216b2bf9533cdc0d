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
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
