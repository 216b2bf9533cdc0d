package dev.uploadgateway.web.files;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.resumable.boundary.PartedUploads;
import dev.uploadgateway.resumable.entity.PartedReceipt;
import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.resumable.entity.UploadPart;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.web.Callers;
import dev.uploadgateway.web.upload.ContentCoding;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/uploads}, OpenAI's Uploads API: a large file sent in parts (each at most
 * {@code uploads.max-part-bytes}, in any order and in parallel), then completed into one file that
 * takes the path the rollout decides, like {@code POST /v1/files}. Same keys as the files API.
 */
@Path("uploads")
@Tag(name = "uploads (OpenAI-compatible)", description = "OpenAI's Uploads API: a file in parts; authenticate with Authorization: Bearer <gateway key>")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // GatewayKeyFilter lets only key holders and operators in; every upload is the caller's tenant's
@ApplicationScoped
public class PartedUploadsResource {

    @Inject
    PartedUploads parted;
    @Inject
    UploadService uploads;
    @Inject
    Callers callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an upload: {bytes, filename, mime_type, purpose, provider?}; answered with the Upload object, pending")
    public JsonObject create(JsonObject request, @Context HttpHeaders headers) {
        required(request);
        String provider = request.containsKey("provider") && !request.isNull("provider") ? text(request, "provider") : null;
        PartedUpload created = parted.create(callers.tenant(), text(request, "filename"), number(request, "bytes"),
                text(request, "mime_type"), provider, text(request, "purpose"), expiresAfter(request),
                headers.getHeaderString(uploads.stickinessHeader()));
        return UploadObject.of(created, null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The Upload object (not in OpenAI's API, which has no retrieve; here for resuming clients)")
    public JsonObject retrieve(@PathParam("id") String id) {
        return UploadObject.of(parted.find(callers.tenant(), UploadObject.bare(id, PartedUpload.ID_PREFIX)), null);
    }

    @POST
    @Path("{id}/parts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add a part (multipart field 'data'); acknowledged once it is on disk")
    public JsonObject addPart(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @HeaderParam("Content-Encoding") String contentEncoding, InputStream body) {
        ContentCoding.requireIdentity(contentEncoding);
        String upload = UploadObject.bare(id, PartedUpload.ID_PREFIX);
        return UploadObject.part(parted.addPart(callers.tenant(), upload, contentType, body));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete: {part_ids: [...in order], md5?}; the parts joined are delivered as one file")
    public void complete(@PathParam("id") String id, JsonObject request, @Suspended AsyncResponse response) {
        required(request);
        PartedReceipt receipt = parted.complete(callers.tenant(), UploadObject.bare(id, PartedUpload.ID_PREFIX),
                partIds(request), request.containsKey("md5") && !request.isNull("md5") ? text(request, "md5") : null);
        receipt.outcome().whenComplete((upload, failure) -> {
            if (failure == null) {
                response.resume(UploadObject.of(receipt.parted(), FileObject.of(upload)));
            } else {
                response.resume(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            }
        });
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a pending upload; its parts are removed")
    public JsonObject cancel(@PathParam("id") String id) {
        return UploadObject.of(parted.cancel(callers.tenant(), UploadObject.bare(id, PartedUpload.ID_PREFIX)), null);
    }

    /** OpenAI's {@code expires_after: {anchor: "created_at", seconds}}; null when not given. */
    private static Long expiresAfter(JsonObject request) {
        JsonValue v = request.get("expires_after");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonObject after) || !"created_at".equals(after.getString("anchor", "created_at"))) {
            throw invalid("expires_after must be {\"anchor\": \"created_at\", \"seconds\": n}");
        }
        return number(after, "seconds");
    }

    private static void required(JsonObject request) {
        if (request == null) {
            throw invalid("the body must be a JSON object");
        }
    }

    private static List<String> partIds(JsonObject request) {
        JsonValue ids = request.get("part_ids");
        if (ids == null || ids.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid("part_ids must be an array of part ids");
        }
        return ids.asJsonArray().stream().map(v -> {
            if (!(v instanceof JsonString s)) {
                throw invalid("part_ids must hold part ids (strings)");
            }
            return UploadObject.bare(s.getString(), UploadPart.ID_PREFIX);
        }).toList();
    }

    private static String text(JsonObject request, String name) {
        JsonValue v = request.get(name);
        if (!(v instanceof JsonString s)) {
            throw invalid(name + " must be a string");
        }
        return s.getString();
    }

    private static long number(JsonObject request, String name) {
        JsonValue v = request.get(name);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw invalid(name + " must be a whole number");
        }
        return n.longValueExact();
    }

    private static Refused invalid(String what) {
        return new Refused(ProblemType.INVALID_PARAMETER, what + ".");
    }
}
