package dev.uploadgateway.resumable.control;

import dev.uploadgateway.problem.entity.TooLarge;
import dev.uploadgateway.upload.control.UploadSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The parts' bytes: each part in a file of its own under {@code <upload.spool-dir>/parts/<upload>/},
 * so that a cluster sharing the spool shares them too, copied through one 64 KiB buffer and forced to
 * disk before the part is acknowledged; read back in order as one stream when the upload completes.
 */
@ApplicationScoped
public class PartFiles {

    private static final Logger LOG = Logger.getLogger(PartFiles.class.getName());
    private static final int BUFFER = 64 * 1024;

    @Inject
    @ConfigProperties
    UploadSettings uploads;

    /** Where part {@code part} of upload {@code parted} is kept. */
    public Path of(String parted, String part) {
        return Path.of(uploads.spoolDir, "parts", parted, part + ".part");
    }

    /** Copies {@code in} to {@code file}, forced to disk; the bytes written. */
    public long write(InputStream in, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        long written = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                written += n;
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        return written;
    }

    /** What one tus PATCH left on disk: its bytes, and whether its body ended before the client said it would. */
    public record Written(long bytes, boolean cut) {
    }

    /**
     * Copies at most {@code max} bytes of {@code in} to {@code file}, fed to {@code digest} too when
     * there is one, and forces them to disk. More than {@code max} refuses the whole PATCH (nothing is
     * kept). A body that stops early, {@code declared} bytes not reached or the client gone mid-body,
     * keeps what arrived, as tus asks, so that the client resumes after it.
     */
    public Written writeUpTo(InputStream in, Path file, long max, long declared, MessageDigest digest) throws IOException {
        Files.createDirectories(file.getParent());
        long written = 0;
        boolean cut = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException clientGone) {
                    cut = true;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (written + n > max) {
                    throw new TooLarge("The PATCH carries more than the " + max + " bytes the upload has left.");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                written += n;
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        return new Written(written, cut || declared >= 0 && written < declared);
    }

    /** The parts' files one after the other, as one stream. */
    public InputStream joined(List<Path> files) throws IOException {
        List<InputStream> streams = new java.util.ArrayList<>();
        try {
            for (Path f : files) {
                streams.add(Files.newInputStream(f));
            }
        } catch (IOException e) {
            for (InputStream s : streams) {
                s.close();
            }
            throw e;
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    /** The hex MD5 of the parts' files joined. */
    public String md5(List<Path> files) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
        try (InputStream in = new DigestInputStream(joined(files), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Removes upload {@code parted}'s part files and their directory; files already gone are fine. */
    public void remove(String parted) {
        Path dir = Path.of(uploads.spoolDir, "parts", parted);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(PartFiles::delete);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list the parts of upload {0}: {1}", new Object[]{parted, e.getMessage()});
        }
        delete(dir);
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete {0}: {1}", new Object[]{file, e.getMessage()});
        }
    }
}
