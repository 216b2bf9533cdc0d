package dev.uploadgateway.web.files;

import dev.uploadgateway.web.TraceIdFilter;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The OpenAI-compatible files API under {@code /v1}, so clients that already speak OpenAI's (or
 * Kimi's) files API point their base URL at the gateway and change nothing else. A second JAX-RS
 * application because OpenAI's paths start at {@code /v1}; it lists its classes so neither
 * application picks up the other's resources or error mappers.
 */
@ApplicationPath("v1")
@DeclareRoles({"rollout-admin", "uploader"})
public class FilesApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(FilesResource.class, PartedUploadsResource.class, GatewayKeyFilter.class, OpenAiRejectionMapper.class,
                OpenAiProviderFailureMapper.class, OpenAiWebErrorMapper.class, TraceIdFilter.class);
    }
}
