package dev.uploadgateway.upload.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.upload.control.UploadSettings;
import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoverySweepTest {

    @TempDir
    Path spool;

    private Path file(String name, Duration age) throws IOException {
        Path f = Files.writeString(spool.resolve(name), "bytes");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(age)));
        return f;
    }

    @Test
    void removesOnlySpoolFilesPastRetentionThatNoUnfinishedUploadNeeds() throws IOException {
        Path expired = file("failed-long-ago.spool", Duration.ofHours(30));
        Path resumable = file("still-needed.spool", Duration.ofHours(30));
        Path recent = file("failed-recently.spool", Duration.ofHours(2));
        Upload unfinished = new Upload("a.bin", "application/octet-stream", 5, "00", "local", "file-extract",
                UploadPath.ASYNC, "k", resumable.toString(), null);

        Recovery recovery = new Recovery();
        recovery.store = new UploadStore() {
            @Override
            public List<Upload> unfinished() {
                return List.of(unfinished);
            }
        };
        recovery.settings = new UploadSettings();
        recovery.settings.spoolDir = spool.toString();
        recovery.settings.failedSpoolRetentionHours = 24;
        recovery.sweepSpool();

        assertFalse(Files.exists(expired), "past retention and needed by nobody: removed");
        assertTrue(Files.exists(resumable), "an unfinished upload resumes from it: kept");
        assertTrue(Files.exists(recent), "within retention: kept for inspection");
    }
}
