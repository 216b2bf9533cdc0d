package dev.uploadgateway.web.files;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** JAX-RS's own refusals (unknown path, wrong method or media type) in OpenAI's error shape. */
public class OpenAiWebErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return OpenAiError.response(status.getStatusCode(), "invalid_request_error",
                status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), e.getMessage());
    }
}
