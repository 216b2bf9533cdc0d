package dev.uploadgateway.web.rollout;

import dev.uploadgateway.rollout.boundary.RolloutService;
import dev.uploadgateway.rollout.entity.Comparison;
import dev.uploadgateway.rollout.entity.RolloutView;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.UploadHistory;
import dev.uploadgateway.security.boundary.UploadAccess;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/rollout}: the rollout's position, criteria, live KPIs and last verdict; the operator's
 * actions (role rollout-admin, stated on each method and enforced by Jersey's
 * {@code RolesAllowedDynamicFeature} whatever path variant reached it; same origin only); the audit
 * trail; the async-vs-sync comparison.
 */
@Path("rollout")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rollout", description = "The staged rollout from the sync to the async path")
public class RolloutResource {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String ROLE = UploadAccess.OPERATOR;

    @Inject
    RolloutService rollout;
    @Context
    SecurityContext security;

    @GET
    @PermitAll
    @Operation(summary = "Stage, percent, the plan (every stage's percent in order), state, criteria, live KPIs, "
            + "last verdict and next stage")
    public RolloutView current() {
        return rollout.view();
    }

    @POST
    @Path("promote")
    @RolesAllowed(ROLE)
    @OperatorAction
    @Operation(summary = "Move to the next stage (role rollout-admin)")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "The stage the operator saw; refused with 409 "
            + "if the rollout has moved since (of two concurrent moves from one stage, one wins)")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Not a rollout-admin, or sent from another origin")
    @APIResponse(responseCode = "409", description = "Not possible now: at the final stage, or not at stage 'from'")
    public Transition promote(@QueryParam("from") Integer from) {
        return rollout.promote(operator(), from);
    }

    @POST
    @Path("approve")
    @RolesAllowed(ROLE)
    @OperatorAction
    @Operation(summary = "Approve the manual gate the current stage waits at: move to the next stage (role rollout-admin)")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "The stage the operator saw; refused with 409 "
            + "if the rollout has moved since")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "403", description = "Not a rollout-admin, or sent from another origin")
    @APIResponse(responseCode = "409", description = "No stage awaits approval, or not at stage 'from'")
    public Transition approve(@QueryParam("from") Integer from) {
        return rollout.approve(operator(), from);
    }

    @POST
    @Path("rollback")
    @RolesAllowed(ROLE)
    @OperatorAction
    @Operation(summary = "Back to 0 %, async off (role rollout-admin)")
    public Transition rollback(@QueryParam("from") Integer from) {
        return rollout.rollback(operator(), from);
    }

    @POST
    @Path("pause")
    @RolesAllowed(ROLE)
    @OperatorAction
    @Operation(summary = "Stop the controller from moving the rollout (role rollout-admin)")
    public Transition pause(@QueryParam("from") Integer from) {
        return rollout.pause(operator(), from);
    }

    @POST
    @Path("resume")
    @RolesAllowed(ROLE)
    @OperatorAction
    @Operation(summary = "Hand the rollout back to the controller (role rollout-admin)")
    public Transition resume(@QueryParam("from") Integer from) {
        return rollout.resume(operator(), from);
    }

    @POST
    @Path("evaluate")
    @RolesAllowed(ROLE)
    @OperatorAction
    @Operation(summary = "Evaluate the stage now and act on the verdict (role rollout-admin)")
    public RolloutView evaluate() {
        return rollout.evaluate();
    }

    @GET
    @Path("operator")
    @RolesAllowed(ROLE)
    @Operation(summary = "Who the credentials belong to; changes nothing (role rollout-admin)")
    public JsonObject whoAmI() {
        return JSON.createObjectBuilder().add("name", operator()).add("role", ROLE).build();
    }

    private String operator() {
        return security.getUserPrincipal().getName();
    }

    @GET
    @PermitAll
    @Path("events")
    @Operation(summary = "The audit trail, newest first, paged")
    public List<JsonObject> events(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        return rollout.events(offset, limit);
    }

    @GET
    @PermitAll
    @Path("events.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The audit trail as CSV, oldest first")
    public Response eventsCsv() {
        // the CSV printer flushes and closes the writer when the export is complete
        StreamingOutput body = out -> rollout.exportEventsCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"rollout-events.csv\"").build();
    }

    @GET
    @PermitAll
    @Path("history")
    @Operation(summary = "Finished uploads per path (sync, async, sync_fallback) in time buckets: uploads, successes, "
            + "success rate, p95 ms; the async success rate as the rollout judges it")
    @APIResponse(responseCode = "400", description = "minutes not 1-10080, or more than 1440 buckets")
    public UploadHistory history(@QueryParam("minutes") @DefaultValue("60") int minutes,
                                 @QueryParam("bucketSeconds") @DefaultValue("60") int bucketSeconds) {
        return rollout.history(minutes, bucketSeconds);
    }

    @GET
    @PermitAll
    @Path("comparison")
    @Operation(summary = "Async against sync per provider from real uploads: latency improvement %, success difference")
    public Comparison.Report comparison() {
        return rollout.comparison();
    }
}
