package dev.uploadgateway.web.upload;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.entity.IncomingUpload;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadReceipt;
import dev.uploadgateway.upload.entity.UploadView;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.web.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@code /api/uploads}: multipart uploads and their records. The body arrives as a raw stream (so
 * nothing buffers it before the service decides where it goes) and the response is resumed when
 * the upload has ended, without holding the request thread while the async path delivers.
 */
@Path("uploads")
@Tag(name = "uploads", description = "Upload files to the configured LLM file provider")
@Produces(MediaType.APPLICATION_JSON)
// one instance: otherwise Jersey builds one per request and Weld resolves and injects its EJB again each time
@ApplicationScoped
public class UploadsResource {

    static final String UPLOAD_EXAMPLE = "{\"id\":\"1b2c26d9-5684-43fe-a577-81f30e977472\",\"filename\":\"report.pdf\","
            + "\"contentType\":\"application/pdf\",\"bytes\":3000000,\"sha256\":\"9ae01fde6f0eeef0e40beaff85678f41f6ba80d821e3ccbbf15bed24ad7f6cb1\","
            + "\"provider\":\"kimi\",\"providerFileId\":\"file-c8d9f8b7\",\"purpose\":\"file-extract\",\"path\":\"async\","
            + "\"state\":\"delivered\",\"attempts\":1,\"durationMs\":201,\"stickinessKey\":\"tenant-42\"}";

    @Inject
    UploadService uploads;
    @Inject
    Callers callers;

    /**
     * Takes an upload. {@code Prefer: respond-async} on the async path answers {@code 202} as soon
     * as the bytes are on disk and the record committed; otherwise the answer waits for delivery.
     * A repeated {@code Idempotency-Key} with the same content answers {@code 200} with the first
     * upload's record and uploads nothing.
     */
    @POST
    @PermitAll // who may upload depends on auth.anonymous-uploads: UploadAccess decides, per request
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a file",
            description = "multipart/form-data with a 'file' part and optional 'provider' (local|kimi|glm) and "
                    + "'purpose'. The rollout decides the path (sync or async) from the stickiness header.")
    @Parameter(name = "X-Request-Id", in = ParameterIn.HEADER, description = "Stickiness key (header name is configurable)")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Same key + same content returns the first result")
    @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = "respond-async: 202 once accepted (async path)")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "file")))
    @APIResponse(responseCode = "201", description = "Delivered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class),
                    examples = @ExampleObject(name = "delivered", value = UPLOAD_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted (Prefer: respond-async); poll the Location")
    @APIResponse(responseCode = "200", description = "Replay of an earlier upload with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Bad multipart, filename, provider or purpose (problem+json)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "unknown provider",
                    value = "{\"type\":\"https://upload-gateway.dev/problems/unknown-provider\",\"title\":\"Unknown provider\","
                            + "\"status\":400,\"detail\":\"Provider 'x' is not known; use one of [glm, kimi, local].\"}")))
    @APIResponse(responseCode = "401", description = "No or wrong API key where uploads need one (auth.anonymous-uploads)")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for other content")
    @APIResponse(responseCode = "413", description = "File over upload.max-bytes or the provider's limit")
    @APIResponse(responseCode = "415", description = "A Content-Encoding (gzip, …): send the body unencoded")
    @APIResponse(responseCode = "502", description = "The provider refused or failed")
    @APIResponse(responseCode = "503", description = "Async path full; Retry-After says when to retry")
    @APIResponse(responseCode = "504", description = "No attempt answered in time and fallback is off")
    public void upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                       @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
                       @HeaderParam("Idempotency-Key") String idempotencyKey,
                       @HeaderParam("Prefer") String prefer,
                       @HeaderParam("Content-Encoding") String contentEncoding,
                       @Context HttpHeaders headers, @Context UriInfo uri, InputStream body,
                       @Suspended AsyncResponse response) {
        Tenant tenant = callers.tenant();
        ContentCoding.requireIdentity(contentEncoding);
        String header = uploads.stickinessHeader();
        UploadReceipt receipt = uploads.receive(new IncomingUpload(contentType, contentLength, body,
                headers.getHeaderString(header), blankToNull(idempotencyKey), respondAsync(prefer), tenant));
        URI location = uri.getAbsolutePathBuilder().path(receipt.accepted().getId()).build();
        if (receipt.replayed()) {
            response.resume(Response.ok(receipt.accepted().view()).location(location)
                    .header("Idempotent-Replayed", "true").build());
        } else if (respondAsync(prefer) && receipt.accepted().getPath() == UploadPath.ASYNC) {
            response.resume(Response.accepted(receipt.accepted().view()).location(location)
                    .header(header, receipt.accepted().getStickinessKey())
                    .header("Preference-Applied", "respond-async").build());
        } else {
            receipt.outcome().whenComplete((upload, failure) -> {
                if (failure == null) {
                    response.resume(Response.created(location).header(header, upload.getStickinessKey())
                            .entity(upload.view()).build());
                } else {
                    // resume(Throwable), not resume(Object): only the former reaches the exception mappers
                    response.resume(unwrapped(failure));
                }
            });
        }
    }

    /**
     * The newest records first, {@code limit} (1-500) at a time from {@code offset}; with
     * {@code traceId}, the records of uploads received in that trace (README, "One trace per upload").
     */
    @GET
    @PermitAll // scoped to the caller's tenant by the query
    @Operation(summary = "List upload records, newest first")
    @Parameter(name = "traceId", in = ParameterIn.QUERY,
            description = "Only the uploads received in this trace (32 hex digits, as records and problem bodies show it)")
    public List<UploadView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("50") int limit,
                                 @QueryParam("traceId") String traceId) {
        List<Upload> records = traceId == null ? uploads.newest(callers.tenant(), offset, limit)
                : uploads.inTrace(callers.tenant(), traceId, limit);
        return records.stream().map(Upload::view).toList();
    }

    @GET
    @PermitAll // scoped to the caller's tenant by the query
    @Path("{id}")
    @Operation(summary = "One upload record")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UploadView.class), examples = @ExampleObject(name = "delivered", value = UPLOAD_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such upload (problem+json)")
    public UploadView find(@PathParam("id") String id) {
        return uploads.find(callers.tenant(), id).view();
    }

    /** RFC 7240: the preference may come with others in one header. */
    private static boolean respondAsync(String prefer) {
        return prefer != null && prefer.contains("respond-async");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
