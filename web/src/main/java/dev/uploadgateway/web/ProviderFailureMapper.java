package dev.uploadgateway.web;

import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderTimedOut;
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
        int status = e instanceof ProviderTimedOut ? 504 : 502;
        String title = e instanceof ProviderTimedOut ? "Provider timed out"
                : e instanceof ProviderRejected ? "Provider rejected the upload" : "Provider unavailable";
        return Problem.response(status, e.kind(), title, e.getMessage());
    }
}
