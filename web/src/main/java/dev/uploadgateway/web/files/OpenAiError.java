package dev.uploadgateway.web.files;

import dev.uploadgateway.json.JsonP;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error as OpenAI's API shapes it: {@code {"error": {"message", "type", "param", "code"}}}. */
final class OpenAiError {

    private OpenAiError() {
    }

    static Response response(int status, String type, String code, String message) {
        String body = JsonP.PROVIDER.createObjectBuilder().add("error", JsonP.PROVIDER.createObjectBuilder()
                .add("message", message).add("type", type).addNull("param").add("code", code)).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
