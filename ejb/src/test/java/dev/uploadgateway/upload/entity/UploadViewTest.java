package dev.uploadgateway.upload.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadViewTest {

    private static Upload upload() {
        return new Upload("a.pdf", "application/pdf", 42, "ab12", "kimi", "file-extract", UploadPath.ASYNC,
                "key-1", "/spool/x", null);
    }

    @Test
    void carriesPathAndStateAsTheApisLowerCaseWords() {
        Upload upload = upload();
        upload.delivered("prov-7", UploadPath.SYNC_FALLBACK, 3, 120);

        UploadView view = upload.view();

        assertEquals("sync_fallback", view.path());
        assertEquals("delivered", view.state());
        assertEquals("prov-7", view.providerFileId());
        assertEquals(3, view.attempts());
        assertEquals(upload.getCompletedAt(), view.completedAt());
        assertNull(view.failureClass());
    }

    @Test
    void serializesToTheFieldsOfGetUploadById() throws Exception {
        Upload upload = upload();
        upload.failed("ProviderRejected", "bad file", UploadPath.ASYNC, 1, 5);

        try (Jsonb jsonb = JsonbBuilder.create()) {
            JsonObject json = Json.createReader(new StringReader(jsonb.toJson(upload.view()))).readObject();

            assertEquals(Set.of("id", "filename", "contentType", "bytes", "sha256", "provider", "purpose", "path",
                    "state", "attempts", "durationMs", "stickinessKey", "failureClass", "failureReason", "createdAt",
                    "completedAt"), json.keySet(), "providerFileId is null, so JSON-B leaves it out");
            assertEquals("failed", json.getString("state"));
            assertEquals("async", json.getString("path"));
        }
    }

    @Test
    void showsTheTraceItWasReceivedInOnlyWhenThereIsOne() throws Exception {
        Upload traced = upload().traced("0af7651916cd43dd8448eb211c80319c",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        try (Jsonb jsonb = JsonbBuilder.create()) {
            JsonObject json = Json.createReader(new StringReader(jsonb.toJson(traced.view()))).readObject();
            JsonObject untraced = Json.createReader(new StringReader(jsonb.toJson(upload().view()))).readObject();

            assertEquals("0af7651916cd43dd8448eb211c80319c", json.getString("traceId"));
            assertEquals(false, json.containsKey("traceParent"), "the parent span stays internal");
            assertEquals(false, untraced.containsKey("traceId"), "telemetry off: no traceId member");
        }
    }
}
