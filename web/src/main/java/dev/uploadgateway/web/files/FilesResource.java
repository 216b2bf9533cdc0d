package dev.uploadgateway.web.files;

import jakarta.enterprise.context.ApplicationScoped;
import dev.uploadgateway.upload.boundary.FileLibrary;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.entity.IncomingUpload;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.web.Callers;
import dev.uploadgateway.web.upload.ContentCoding;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/files}, OpenAI's files API over the gateway's uploads: an upload here takes the path
 * the rollout decides, exactly like {@code POST /api/uploads}, and goes to the default provider.
 */
@Path("files")
@Tag(name = "files (OpenAI-compatible)", description = "OpenAI's files API; authenticate with Authorization: Bearer <gateway key>")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // GatewayKeyFilter lets only key holders and operators in; every query is scoped to the caller's tenant
// one instance: otherwise Jersey builds one per request and Weld resolves and injects its EJB again each time
@ApplicationScoped
public class FilesResource {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    UploadService uploads;
    @Inject
    FileLibrary library;
    @Inject
    Callers callers;

    private Tenant tenant() {
        return callers.tenant();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a file (multipart 'file' and 'purpose'), answered with OpenAI's file object")
    @APIResponse(responseCode = "200", description = "The file object", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "file", value = "{\"id\":\"file-1b2c26d9-5684-43fe-a577-81f30e977472\",\"object\":\"file\","
                    + "\"bytes\":1048579,\"created_at\":1795427172,\"filename\":\"sdk.bin\",\"purpose\":\"assistants\",\"status\":\"processed\"}")))
    @APIResponse(responseCode = "401", description = "Missing or wrong key", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "unauthorized", value = "{\"error\":{\"message\":\"Missing or invalid API key\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")))
    public void create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                       @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength,
                       @HeaderParam("Content-Encoding") String contentEncoding,
                       @Context HttpHeaders headers, InputStream body, @Suspended AsyncResponse response) {
        ContentCoding.requireIdentity(contentEncoding);
        uploads.receive(new IncomingUpload(contentType, contentLength, body,
                        headers.getHeaderString(uploads.stickinessHeader()), null, false, tenant()))
                .outcome().whenComplete((upload, failure) -> {
                    if (failure == null) {
                        response.resume(FileObject.of(upload));
                    } else {
                        response.resume(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
                    }
                });
    }

    @GET
    @Operation(summary = "List delivered files, newest first")
    public JsonObject list(@QueryParam("purpose") String purpose, @QueryParam("limit") @DefaultValue("10000") int limit) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        library.list(tenant(), limit).stream().filter(u -> purpose == null || purpose.equals(u.getPurpose()))
                .map(FileObject::of).forEach(data::add);
        return JSON.createObjectBuilder().add("object", "list").add("data", data).add("has_more", false).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Retrieve a file object")
    public JsonObject retrieve(@PathParam("id") String id) {
        return FileObject.of(library.file(tenant(), FileObject.uploadId(id)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the file at the provider")
    public JsonObject delete(@PathParam("id") String id) {
        library.delete(tenant(), FileObject.uploadId(id));
        return JSON.createObjectBuilder().add("id", id).add("object", "file").add("deleted", true).build();
    }

    @GET
    @Path("{id}/content")
    @Operation(summary = "Download the file's bytes from the provider")
    @Produces(MediaType.WILDCARD) // SDKs ask for application/binary, */* or nothing; the bytes are what they are
    public Response content(@PathParam("id") String id) {
        String uploadId = FileObject.uploadId(id);
        Tenant tenant = tenant();
        library.file(tenant, uploadId);
        StreamingOutput body = out -> {
            try (InputStream in = library.content(tenant, uploadId)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }
}
