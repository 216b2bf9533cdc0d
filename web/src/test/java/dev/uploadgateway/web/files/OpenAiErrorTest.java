package dev.uploadgateway.web.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** An OpenAI-style error gains the request's {@code traceId} inside its {@code error}; other entities are left alone. */
class OpenAiErrorTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void anOpenAiErrorGainsTheTraceIdInsideItsError() {
        Object body = OpenAiError.response(404, "invalid_request_error", "upload-not-found", "No such file").getEntity();

        JsonObject traced = json(OpenAiError.tracedIn(body, TRACE));

        JsonObject error = traced.getJsonObject("error");
        assertEquals(TRACE, error.getString("traceId"));
        assertEquals("No such file", error.getString("message"));
        assertEquals("upload-not-found", error.getString("code"));
        assertEquals(jakarta.json.JsonValue.NULL, error.get("param"), "OpenAI's shape is kept: param stays null");
        assertEquals(1, traced.size());
    }

    @Test
    void leavesOtherEntitiesAlone() {
        Object record = new Object();
        assertSame(record, OpenAiError.tracedIn(record, TRACE));
        assertEquals("plain text", OpenAiError.tracedIn("plain text", TRACE));
        assertFalse(((String) OpenAiError.tracedIn("{\"id\":\"x\"}", TRACE)).contains(TRACE));
    }

    private static JsonObject json(Object text) {
        try (var reader = Json.createReader(new StringReader((String) text))) {
            return reader.readObject();
        }
    }
}
