package dev.uploadgateway.web.upload;

import dev.uploadgateway.upload.boundary.UploadService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** {@code /api/uploads.csv}: every upload record, newest first, for spreadsheets and audits. */
@Path("uploads.csv")
public class UploadsCsvResource {

    @Inject
    UploadService uploads;

    @GET
    @Produces("text/csv; charset=UTF-8")
    public Response export() {
        // the CSV printer flushes and closes the writer when the export is complete
        StreamingOutput body = out -> uploads.exportCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"uploads.csv\"").build();
    }
}
