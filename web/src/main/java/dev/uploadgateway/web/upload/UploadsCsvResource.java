package dev.uploadgateway.web.upload;

import jakarta.enterprise.context.ApplicationScoped;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.web.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** {@code /api/uploads.csv}: the caller's tenant's upload records (an operator's: all), newest first. */
@Path("uploads.csv")
// one instance: otherwise Jersey builds one per request and Weld resolves and injects its EJB again each time
@ApplicationScoped
public class UploadsCsvResource {

    @Inject
    UploadService uploads;
    @Inject
    Callers callers;

    @GET
    @PermitAll // scoped to the caller's tenant by the query
    @Produces("text/csv; charset=UTF-8")
    public Response export() {
        Tenant tenant = callers.tenant();
        // the CSV printer flushes and closes the writer when the export is complete
        StreamingOutput body = out -> uploads.exportCsv(tenant, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"uploads.csv\"").build();
    }
}
