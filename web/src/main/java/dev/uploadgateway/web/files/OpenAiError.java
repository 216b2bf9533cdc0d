package dev.uploadgateway.web.files;

import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error as OpenAI's API shapes it: {@code {"error": {"message", "type", "param", "code"}}}. */
final class OpenAiError {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private OpenAiError() {
    }

    static Response response(int status, String type, String code, String message) {
        String body = JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("message", message).add("type", type).addNull("param").add("code", code)).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
