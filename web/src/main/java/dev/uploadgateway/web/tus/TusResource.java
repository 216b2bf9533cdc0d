package dev.uploadgateway.web.tus;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.resumable.boundary.TusUploads;
import dev.uploadgateway.resumable.entity.PartedState;
import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.resumable.entity.TusProgress;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.web.Callers;
import dev.uploadgateway.web.upload.ContentCoding;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/tus}: tus 1.0 with the creation, creation-with-upload, checksum, termination and
 * expiration extensions. An upload's bytes are appended at its offset and acknowledged once on
 * disk; the last byte makes it an upload record ({@code Upload-Gateway-Record}) on the path the
 * rollout decides, as for {@code /api/uploads}. Same callers as {@code /api/uploads}.
 */
@Path("tus")
@Tag(name = "tus", description = "tus 1.0 resumable uploads (https://tus.io/protocols/resumable-upload)")
@TusProtocol
@ApplicationScoped
public class TusResource {

    static final String OCTETS = "application/offset+octet-stream";
    static final String RECORD = "Upload-Gateway-Record";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    TusUploads tus;
    @Inject
    UploadService uploads;
    @Inject
    Callers callers;

    @OPTIONS
    @PermitAll // tus's discovery: what the server speaks, no upload's data
    @Operation(summary = "The tus versions, extensions, largest size and checksum algorithms this server takes")
    public Response options() {
        return Response.noContent().header("Tus-Version", TusHeaders.VERSION)
                .header("Tus-Extension", "creation,creation-with-upload,checksum,termination,expiration")
                .header("Tus-Max-Size", tus.maxSize())
                .header("Tus-Checksum-Algorithm", tus.checksumAlgorithms())
                .build();
    }

    @POST
    @PermitAll // who may upload depends on auth.anonymous-uploads: UploadAccess decides, per request
    @Operation(summary = "Create an upload (Upload-Length, Upload-Metadata with filename); with a body, its first bytes")
    public Response create(@HeaderParam("Upload-Length") String length, @HeaderParam("Upload-Metadata") String metadata,
                           @HeaderParam("Upload-Defer-Length") String deferLength,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           @HeaderParam("Upload-Checksum") String checksum,
                           @HeaderParam("Content-Encoding") String contentEncoding,
                           @Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        if (deferLength != null) {
            throw invalid("Upload-Defer-Length is not taken: send Upload-Length, the file's size in bytes");
        }
        ContentCoding.requireIdentity(contentEncoding);
        PartedUpload created = tus.create(callers.tenant(), number("Upload-Length", length), metadata,
                headers.getHeaderString(uploads.stickinessHeader()));
        Response.ResponseBuilder answer = Response.created(uri.getAbsolutePathBuilder().path(created.getId()).build());
        long declared = contentLength == null ? -1 : number("Content-Length", contentLength);
        if (contentType != null && declared != 0) { // creation-with-upload
            requireOctets(contentType);
            progress(answer, tus.append(callers.tenant(), created.getId(), 0, body, declared, checksum), uri);
        } else {
            answer.header("Upload-Expires", HTTP_DATE.format(created.getExpiresAt()));
        }
        return answer.build();
    }

    @HEAD
    @Path("{id}")
    @PermitAll // scoped to the caller's tenant
    @Operation(summary = "Where the upload stands: Upload-Offset, Upload-Length, and the record once complete")
    public Response head(@PathParam("id") String id, @Context UriInfo uri) {
        TusProgress now = tus.progress(callers.tenant(), id);
        Response.ResponseBuilder answer = Response.ok().header("Upload-Length", now.upload().getBytes())
                .header("Cache-Control", "no-store");
        if (now.upload().getMetadata() != null) {
            answer.header("Upload-Metadata", now.upload().getMetadata());
        }
        return progress(answer, now, uri).build();
    }

    @PATCH
    @Path("{id}")
    @PermitAll // scoped to the caller's tenant
    @Operation(summary = "Append bytes at Upload-Offset (Content-Type application/offset+octet-stream)")
    public Response append(@PathParam("id") String id, @HeaderParam("Upload-Offset") String offset,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           @HeaderParam("Upload-Checksum") String checksum,
                           @HeaderParam("Content-Encoding") String contentEncoding,
                           @Context UriInfo uri, InputStream body) {
        ContentCoding.requireIdentity(contentEncoding);
        requireOctets(contentType);
        long at = number("Upload-Offset", offset);
        long declared = contentLength == null ? -1 : number("Content-Length", contentLength);
        return progress(Response.noContent(), tus.append(callers.tenant(), id, at, body, declared, checksum), uri).build();
    }

    @DELETE
    @Path("{id}")
    @PermitAll // scoped to the caller's tenant
    @Operation(summary = "Terminate the upload: its bytes are removed, and it answers 404 from then on")
    public Response terminate(@PathParam("id") String id) {
        tus.terminate(callers.tenant(), id);
        return Response.noContent().build();
    }

    private static Response.ResponseBuilder progress(Response.ResponseBuilder answer, TusProgress now, UriInfo uri) {
        answer.header("Upload-Offset", now.offset());
        if (now.recordId() != null) {
            answer.header(RECORD, uri.getBaseUriBuilder().path("uploads").path(now.recordId()).build());
        } else if (now.upload().getState() == PartedState.PENDING) {
            answer.header("Upload-Expires", HTTP_DATE.format(now.upload().getExpiresAt()));
        }
        return answer;
    }

    private static void requireOctets(String contentType) {
        if (contentType == null || !OCTETS.equalsIgnoreCase(contentType.split(";", 2)[0].strip())) {
            throw new Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "An upload's bytes go as Content-Type " + OCTETS + ".");
        }
    }

    private static long number(String header, String value) {
        try {
            long n = value == null ? -1 : Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(header + (value == null ? " is missing" : " must be a whole number of 0 or more"));
    }

    private static Refused invalid(String what) {
        return new Refused(ProblemType.INVALID_PARAMETER, what + ".");
    }
}
