package dev.uploadgateway.web.rollout;

import dev.uploadgateway.rollout.boundary.RolloutService;
import dev.uploadgateway.rollout.entity.Comparison;
import dev.uploadgateway.rollout.entity.RolloutView;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.UploadHistory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/rollout}: the rollout's position, criteria, live KPIs and last verdict; the operator's
 * actions (role rollout-admin, see web.xml); the audit trail; the async-vs-sync comparison.
 */
@Path("rollout")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rollout", description = "The staged rollout from the sync to the async path")
public class RolloutResource {

    @Inject
    RolloutService rollout;

    @GET
    @Operation(summary = "Stage, percent, state, criteria, live KPIs, last verdict and next stage")
    public RolloutView current() {
        return rollout.view();
    }

    @POST
    @Path("promote")
    @Operation(summary = "Move to the next stage (role rollout-admin)")
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not a rollout-admin")
    @APIResponse(responseCode = "409", description = "Not possible now, e.g. at the final stage")
    public Transition promote() {
        return rollout.promote();
    }

    @POST
    @Path("rollback")
    @Operation(summary = "Back to 0 %, async off (role rollout-admin)")
    public Transition rollback() {
        return rollout.rollback();
    }

    @POST
    @Path("pause")
    @Operation(summary = "Stop the controller from moving the rollout (role rollout-admin)")
    public Transition pause() {
        return rollout.pause();
    }

    @POST
    @Path("resume")
    @Operation(summary = "Hand the rollout back to the controller (role rollout-admin)")
    public Transition resume() {
        return rollout.resume();
    }

    @POST
    @Path("evaluate")
    @Operation(summary = "Evaluate the stage now and act on the verdict (role rollout-admin)")
    public RolloutView evaluate() {
        return rollout.evaluate();
    }

    @GET
    @Path("events")
    @Operation(summary = "The audit trail, newest first, paged")
    public List<JsonObject> events(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        return rollout.events(offset, limit);
    }

    @GET
    @Path("events.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The audit trail as CSV, oldest first")
    public Response eventsCsv() {
        // the CSV printer flushes and closes the writer when the export is complete
        StreamingOutput body = out -> rollout.exportEventsCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"rollout-events.csv\"").build();
    }

    @GET
    @Path("history")
    @Operation(summary = "Finished uploads per path (sync, async, sync_fallback) in time buckets: uploads, successes, "
            + "success rate, p95 ms; the async success rate as the rollout judges it")
    @APIResponse(responseCode = "400", description = "minutes not 1-10080, or more than 1440 buckets")
    public UploadHistory history(@QueryParam("minutes") @DefaultValue("60") int minutes,
                                 @QueryParam("bucketSeconds") @DefaultValue("60") int bucketSeconds) {
        return rollout.history(minutes, bucketSeconds);
    }

    @GET
    @Path("comparison")
    @Operation(summary = "Async against sync per provider from real uploads: latency improvement %, success difference")
    public Comparison.Report comparison() {
        return rollout.comparison();
    }
}
