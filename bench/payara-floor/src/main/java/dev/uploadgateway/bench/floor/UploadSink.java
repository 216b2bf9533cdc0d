package dev.uploadgateway.bench.floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code POST /api/uploads}: reads the whole body, hashes it and answers 201 with the hex digest
 * ({@code {"sha256":"…"}}, JSON as the gateway answers and the load generator accepts);
 * {@code GET /api/uploads} answers 200 once the application is deployed (the harness's readiness
 * check, as Micro's "ready" does not mean deployed). It states no caller on purpose: any security
 * annotation switches on Payara's MicroProfile JWT roles filter, which failed the deployment in this
 * bean-less archive ("Unable to access CDI") and, with the resource made a CDI bean, answered 401
 * even to {@code @PermitAll} (both tried). The harness binds the listener to 127.0.0.1 and is its
 * only caller.
 */
@Path("uploads")
public class UploadSink {

    /** The gateway spools in 64 KiB chunks too. */
    private static final int BUFFER = 64 * 1024;
    /** Bodies are bounded like any client input; the benchmark's largest is 100 MiB. */
    private static final long MAX_BYTES = 1L << 30;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(InputStream body) throws IOException {
        return Response.status(Response.Status.CREATED).entity("{\"sha256\":\"" + sha256(body) + "\"}").build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ready() {
        return "payara-floor";
    }

    private static String sha256(InputStream body) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            total += n;
            if (total > MAX_BYTES) {
                throw new WebApplicationException("a body over " + MAX_BYTES + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java SE runtime has SHA-256", e);
        }
    }
}
