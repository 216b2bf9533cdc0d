package dev.uploadgateway.web.files;

import dev.uploadgateway.problem.entity.Refused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A refused request, in OpenAI's error shape; {@code code} is the gateway's problem type. */
public class OpenAiRejectionMapper implements ExceptionMapper<Refused> {

    @Override
    public Response toResponse(Refused e) {
        int status = e.problem().status();
        return OpenAiError.response(status, status >= 500 ? "server_error" : "invalid_request_error", e.problem().slug(),
                e.getMessage());
    }
}
