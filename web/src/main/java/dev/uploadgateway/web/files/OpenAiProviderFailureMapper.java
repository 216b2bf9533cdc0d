package dev.uploadgateway.web.files;

import dev.uploadgateway.provider.entity.ProviderFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The provider behind the gateway failed: 502 (504 on timeout) in OpenAI's error shape. */
public class OpenAiProviderFailureMapper implements ExceptionMapper<ProviderFailure> {

    private static final Logger LOG = Logger.getLogger(OpenAiProviderFailureMapper.class.getName());

    @Override
    public Response toResponse(ProviderFailure e) {
        LOG.log(Level.WARNING, "Files API call to provider {0} failed: {1}", new Object[]{e.provider(), e.getMessage()});
        return OpenAiError.response(e.problem().status(), "server_error", e.kind(), e.getMessage());
    }
}
