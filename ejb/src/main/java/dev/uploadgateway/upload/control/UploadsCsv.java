package dev.uploadgateway.upload.control;

import dev.uploadgateway.audit.control.SpreadsheetSafe;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Upload records as RFC 4180 CSV with a fixed column order (commons-csv does the quoting), every
 * text cell made {@link SpreadsheetSafe}.
 */
public final class UploadsCsv {

    public static final List<String> COLUMNS = List.of("id", "created_at", "completed_at", "filename",
            "content_type", "bytes", "sha256", "provider", "provider_file_id", "purpose", "path", "state",
            "attempts", "duration_ms", "stickiness_key", "failure_class", "failure_reason", "trace_id");

    private UploadsCsv() {
    }

    /** Prints pages from {@code pageAt(offset)} until one comes back shorter than {@code pageSize}. */
    public static void write(Writer out, IntFunction<List<Upload>> pageAt, int pageSize) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).build();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (int offset = 0; ; offset += pageSize) {
                List<Upload> page = pageAt.apply(offset);
                for (Upload upload : page) {
                    UploadView u = upload.view();
                    csv.printRecord(SpreadsheetSafe.row(u.id(), u.createdAt(), u.completedAt(), u.filename(),
                            u.contentType(), u.bytes(), u.sha256(), u.provider(), u.providerFileId(), u.purpose(),
                            u.path(), u.state(), u.attempts(), u.durationMs(), u.stickinessKey(), u.failureClass(),
                            u.failureReason(), u.traceId()));
                }
                if (page.size() < pageSize) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
