package dev.uploadgateway.web;

import dev.uploadgateway.web.rollout.RolloutResource;
import dev.uploadgateway.web.rollout.SameOriginGuard;
import dev.uploadgateway.web.upload.UploadsCsvResource;
import dev.uploadgateway.web.tus.TusHeaders;
import dev.uploadgateway.web.tus.TusMethodOverride;
import dev.uploadgateway.web.tus.TusResource;
import dev.uploadgateway.web.upload.UploadsResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The gateway's HTTP API, under {@code /api}. Operators authenticate with HTTP Basic (over TLS in
 * production) through the mechanism and identity store in the EJB module; each resource method
 * says who may call it ({@code @RolesAllowed}/{@code @PermitAll}), enforced by Jersey's
 * {@code RolesAllowedDynamicFeature} on whatever path variant routed to it.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "upload-gateway", version = "1.0",
        description = "File uploads to LLM file providers (Kimi, GLM, local) through a sync and an async path, "
                + "moved between by a sticky staged rollout."))
@DeclareRoles({"rollout-admin", "uploader"})
public class GatewayApplication extends Application {

    /** Listed, because the files API is a second application and neither may pick up the other's classes. */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UploadsResource.class, UploadsCsvResource.class, RolloutResource.class, TusResource.class, TusHeaders.class,
                TusMethodOverride.class,
                RefusedMapper.class, ProviderFailureMapper.class, WebApplicationExceptionMapper.class,
                RolesAllowedDynamicFeature.class, SameOriginGuard.class, OptionsRefused.class, TraceIdFilter.class);
    }
}
