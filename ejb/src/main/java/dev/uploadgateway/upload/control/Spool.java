package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.upload.entity.SpoolFull;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The async path's disk buffer: a stream is copied to a spool file under {@code upload.spool-dir}
 * through a fixed 64 KiB buffer while its SHA-256 is computed, so memory stays bounded whatever the
 * size and the bytes survive the process (and, forced to disk when asked, the machine).
 */
@ApplicationScoped
public class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final int BUFFER = 64 * 1024;

    @Inject
    @ConfigProperties
    UploadSettings settings;
    private volatile Path dir;

    /** A file's content with its length and digest. */
    public record Written(FileContent content, long bytes, String sha256) {
    }

    /**
     * Copies {@code in} to a new spool file; with {@code durable} the file is forced to disk before
     * this returns (an fsync: milliseconds to hundreds of milliseconds under load, so only when
     * the caller's answer depends on it).
     */
    public Written write(InputStream in, boolean durable) throws IOException {
        LiveSpool spool = openLive(-1);
        try {
            spool.copy(in);
            return spool.finish(durable);
        } catch (IOException e) {
            discard(spool, e);
            throw e;
        } catch (RuntimeException e) {
            discard(spool, e);
            throw e;
        }
    }

    /** A new spool file that a forwarded attempt may read while it is written; see {@link LiveSpool}. */
    LiveSpool openLive(long expected) throws IOException {
        return new LiveSpool(newFile(), sha256(), expected);
    }

    /**
     * Removes a spool file whose body failed, stopping any attempt that follows it; a failure that is
     * the disk running full is reported as {@link SpoolFull}.
     */
    void discard(LiveSpool live, Exception failure) throws SpoolFull {
        live.abort(failure instanceof IOException ? "the body could not be read to its end: " + failure.getMessage()
                : "the upload was refused: " + failure.getMessage());
        live.close();
        long written = live.file().toFile().length();
        delete(live.file());
        if (failure instanceof IOException io) {
            Optional<SpoolFull> full = full(io, written);
            if (full.isPresent()) {
                throw full.get();
            }
        }
    }

    private Path newFile() throws IOException {
        Path known = dir;
        if (known == null || !Files.isDirectory(known)) {
            // once, not per upload: createDirectories on an existing directory throws and catches inside
            known = Files.createDirectories(Path.of(settings.spoolDir));
            dir = known;
        }
        return known.resolve(UUID.randomUUID() + ".spool");
    }

    private Optional<SpoolFull> full(IOException e, long written) {
        if (!noSpaceLeft(e)) {
            return Optional.empty();
        }
        LOG.log(Level.WARNING, "The spool in {0} is full: {1}", new Object[]{settings.spoolDir, e.getMessage()});
        return Optional.of(new SpoolFull(null, settings.busyRetryAfterSeconds, "The gateway's spool has no space left for"
                + " this upload (" + written + " bytes written when it ran out); it was not taken. Retry after "
                + settings.busyRetryAfterSeconds + " s."));
    }

    /**
     * Whether {@code file} is a regular file inside the spool directory, links resolved: recovery
     * sends only such files, so a record altered to name another path (say /etc/shadow) sends nothing.
     */
    public boolean contains(Path file) {
        try {
            Path dir = Path.of(settings.spoolDir).toRealPath();
            Path real = file.toRealPath();
            return real.startsWith(dir) && !real.equals(dir) && Files.isRegularFile(real);
        } catch (IOException e) {
            return false;
        }
    }

    /** ENOSPC or EDQUOT, as the JDK reports them: an IOException with the system's message. */
    static boolean noSpaceLeft(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }

    /** Removes a spool file; a file already gone is fine. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete spool file {0}: {1}", new Object[]{file.getFileName(), e.getMessage()});
        }
    }

    /** Removes the spool file behind {@code content}, if it has one. */
    public static void release(FileContent content) {
        if (content instanceof FileContent.Spooled spooled) {
            delete(spooled.file());
        }
    }

    /** Whether {@code file} still holds exactly the bytes recorded for it (read once, to the end). */
    static boolean holds(Path file, long bytes, String sha256) {
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) != bytes) {
                return false;
            }
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).equals(sha256);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read spool file {0}: {1}", new Object[]{file.getFileName(), e.getMessage()});
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
