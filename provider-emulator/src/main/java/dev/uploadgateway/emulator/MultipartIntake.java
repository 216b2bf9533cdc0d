package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;

/**
 * Reads an upload body part by part as it arrives: the {@code file} part goes straight to a file
 * in the storage directory while being hashed and counted, the {@code purpose} field is read as
 * text. Nothing larger than one copy buffer is ever held in memory.
 */
final class MultipartIntake {

    private static final int COPY_BUFFER_BYTES = 64 * 1024;
    private static final int MAX_FIELD_BYTES = 1024;

    private final ExchangeFileUpload upload = new ExchangeFileUpload();
    private final Path storage;
    private final boolean keepFiles;

    MultipartIntake(Path storage, boolean keepFiles) {
        this.storage = storage;
        this.keepFiles = keepFiles;
    }

    /** Takes in the whole body, storing the file part as {@code storage/id}. */
    Intake read(HttpExchange exchange, String id) throws IOException {
        Path target = storage.resolve(id);
        try {
            Intake intake = readParts(upload.getItemIterator(exchange), target);
            if (!keepFiles) {
                Files.delete(target);
            }
            return intake;
        } catch (FileUploadException e) {
            Files.deleteIfExists(target);
            throw new RejectedUpload("Malformed multipart/form-data body: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private Intake readParts(FileItemInputIterator items, Path target) throws IOException {
        String filename = null;
        String purpose = null;
        Digest digest = null;
        while (items.hasNext()) {
            FileItemInput item = items.next();
            if ("file".equals(item.getFieldName()) && !item.isFormField() && digest == null) {
                filename = item.getName();
                digest = store(item, target);
            } else if ("purpose".equals(item.getFieldName()) && item.isFormField()) {
                purpose = readField(item);
            }
        }
        if (digest == null || filename == null || filename.isBlank()) {
            throw new RejectedUpload("Missing file part 'file' with a filename");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new RejectedUpload("Missing form field 'purpose'");
        }
        return new Intake(filename, purpose, digest.bytes(), digest.sha256Hex(), target);
    }

    private static Digest store(FileItemInput item, Path target) throws IOException {
        MessageDigest sha256 = sha256();
        long bytes = 0;
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        try (InputStream in = item.getInputStream();
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                bytes += n;
            }
        }
        return new Digest(bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private static String readField(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
                throw new RejectedUpload("Form field '" + item.getFieldName() + "' exceeds " + MAX_FIELD_BYTES + " bytes");
            }
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private record Digest(long bytes, String sha256Hex) {
    }
}
