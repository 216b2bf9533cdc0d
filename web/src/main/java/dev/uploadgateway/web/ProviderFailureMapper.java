package dev.uploadgateway.web;

import dev.uploadgateway.provider.entity.ProviderFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider did not store the file: 502 with the provider's own message (504 when it never
 * answered in time). Logged here, once, without credentials: messages never carry the API key.
 */
@Provider
public class ProviderFailureMapper implements ExceptionMapper<ProviderFailure> {

    private static final Logger LOG = Logger.getLogger(ProviderFailureMapper.class.getName());

    @Override
    public Response toResponse(ProviderFailure e) {
        LOG.log(Level.WARNING, "Upload to provider {0} failed: {1}", new Object[]{e.provider(), e.getMessage()});
        return Problem.response(e.problem(), e.getMessage());
    }
}
