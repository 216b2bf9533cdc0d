package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolContainsTest {

    @TempDir
    Path temp;

    private Spool spoolAt(Path dir) {
        Spool spool = new Spool();
        spool.settings = new UploadSettings();
        spool.settings.spoolDir = dir.toString();
        return spool;
    }

    @Test
    void recognisesOnlyRegularFilesInsideTheSpoolDirectory() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("spool"));
        Path own = Files.writeString(dir.resolve("a.spool"), "x");
        Path outside = Files.writeString(temp.resolve("secret.txt"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.spool"), outside);
        Path sibling = Files.createDirectories(temp.resolve("spool-evil"));
        Path siblingFile = Files.writeString(sibling.resolve("b.spool"), "x");
        Spool spool = spoolAt(dir);
        assertTrue(spool.contains(own));
        assertFalse(spool.contains(outside));
        assertFalse(spool.contains(dir.resolve("../secret.txt")), "a relative escape");
        assertFalse(spool.contains(link), "a link that points out");
        assertFalse(spool.contains(siblingFile), "a directory whose name only starts like the spool's");
        assertFalse(spool.contains(dir), "the directory itself");
        assertFalse(spool.contains(dir.resolve("missing.spool")));
    }
}
