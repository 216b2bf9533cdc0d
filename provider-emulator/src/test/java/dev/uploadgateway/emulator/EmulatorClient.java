package dev.uploadgateway.emulator;

import dev.uploadgateway.testkit.MultipartForm;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** What a gateway does to the emulator, over real HTTP/1.1 on 127.0.0.1. */
final class EmulatorClient {

    static final String KIMI = "/v1/files";
    static final String GLM = "/api/paas/v4/files";
    static final String KIMI_KEY = "test-kimi-key";
    static final String GLM_KEY = "test-glm-key";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;

    EmulatorClient(int port) {
        this.port = port;
    }

    HttpRequest.Builder uploadRequest(String basePath, String key, MultipartForm form) {
        return HttpRequest.newBuilder(uri(basePath))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
    }

    HttpResponse<String> upload(String basePath, String key, MultipartForm form) throws IOException, InterruptedException {
        return send(uploadRequest(basePath, key, form).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return send(authorised(path, key).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path, String key) throws IOException, InterruptedException {
        return HTTP.send(authorised(path, key).GET().build(), BodyHandlers.ofByteArray());
    }

    HttpResponse<String> delete(String path, String key) throws IOException, InterruptedException {
        return send(authorised(path, key).DELETE().build());
    }

    HttpResponse<String> control(String method, String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/_emulator/" + pathAndQuery))
                .method(method, BodyPublishers.noBody()).build());
    }

    static HttpClient http() {
        return HTTP;
    }

    static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder authorised(String path, String key) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key);
    }
}
