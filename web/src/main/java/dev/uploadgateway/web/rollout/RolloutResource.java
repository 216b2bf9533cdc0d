package dev.uploadgateway.web.rollout;

import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.uploadgateway.rollout.boundary.RolloutService;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/rollout}: the rollout switches in force now. */
@Path("rollout")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

    @Inject
    RolloutService rollout;

    @GET
    @Operation(summary = "The rollout as the next upload will see it")
    public RolloutSettings current() {
        return rollout.settings();
    }
}
