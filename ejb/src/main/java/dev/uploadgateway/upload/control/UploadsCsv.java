package dev.uploadgateway.upload.control;

import dev.uploadgateway.audit.control.SpreadsheetSafe;
import dev.uploadgateway.upload.entity.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
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
            "attempts", "duration_ms", "stickiness_key", "failure_class", "failure_reason");

    private UploadsCsv() {
    }

    /** Prints pages from {@code pageAt(offset)} until one comes back shorter than {@code pageSize}. */
    public static void write(Writer out, IntFunction<List<Upload>> pageAt, int pageSize) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).build();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (int offset = 0; ; offset += pageSize) {
                List<Upload> page = pageAt.apply(offset);
                for (Upload u : page) {
                    csv.printRecord(SpreadsheetSafe.row(u.getId(), u.getCreatedAt(), u.getCompletedAt(), u.getFilename(), u.getContentType(),
                            u.getBytes(), u.getSha256(), u.getProvider(), u.getProviderFileId(), u.getPurpose(),
                            u.getPath().label(), u.getState().name().toLowerCase(Locale.ROOT), u.getAttempts(),
                            u.getDurationMs(), u.getStickinessKey(), u.getFailureClass(), u.getFailureReason()));
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
