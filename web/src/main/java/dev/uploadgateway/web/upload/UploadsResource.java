package dev.uploadgateway.web.upload;

import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.entity.IncomingUpload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadReceipt;
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
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    @Inject
    UploadService uploads;

    /**
     * Takes an upload. {@code Prefer: respond-async} on the async path answers {@code 202} as soon
     * as the bytes are on disk and the record committed; otherwise the answer waits for delivery.
     * A repeated {@code Idempotency-Key} with the same content answers {@code 200} with the first
     * upload's record and uploads nothing.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public void upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                       @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
                       @HeaderParam("Idempotency-Key") String idempotencyKey,
                       @HeaderParam("Prefer") String prefer,
                       @Context HttpHeaders headers, @Context UriInfo uri, InputStream body,
                       @Suspended AsyncResponse response) {
        String header = uploads.stickinessHeader();
        UploadReceipt receipt = uploads.receive(new IncomingUpload(contentType, contentLength, body,
                headers.getHeaderString(header), blankToNull(idempotencyKey)));
        URI location = uri.getAbsolutePathBuilder().path(receipt.accepted().getId()).build();
        if (receipt.replayed()) {
            response.resume(Response.ok(UploadView.of(receipt.accepted())).location(location)
                    .header("Idempotent-Replayed", "true").build());
        } else if (prefer != null && prefer.contains("respond-async") && receipt.accepted().getPath() == UploadPath.ASYNC) {
            response.resume(Response.accepted(UploadView.of(receipt.accepted())).location(location)
                    .header(header, receipt.accepted().getStickinessKey())
                    .header("Preference-Applied", "respond-async").build());
        } else {
            receipt.outcome().whenComplete((upload, failure) -> {
                if (failure == null) {
                    response.resume(Response.created(location).header(header, upload.getStickinessKey())
                            .entity(UploadView.of(upload)).build());
                } else {
                    // resume(Throwable), not resume(Object): only the former reaches the exception mappers
                    response.resume(unwrapped(failure));
                }
            });
        }
    }

    /** The newest records first, {@code limit} (1-500) at a time from {@code offset}. */
    @GET
    public List<UploadView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        return uploads.newest(offset, limit).stream().map(UploadView::of).toList();
    }

    @GET
    @Path("{id}")
    public UploadView find(@PathParam("id") String id) {
        return UploadView.of(uploads.find(id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
