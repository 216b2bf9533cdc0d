package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The embedded default: files are stored under {@code provider.local.dir} by generated id, so the
 * gateway runs with no keys and no network. The caller's filename is never used as a path.
 */
@ApplicationScoped
public class LocalProvider implements FileProvider {

    public static final String NAME = "local";

    @Inject
    @ConfigProperties
    ProviderSettings settings;

    @Override
    public InputStream content(String providerFileId) {
        try {
            return Files.newInputStream(stored(providerFileId));
        } catch (IOException e) {
            throw new ProviderRejected(NAME, "the local store has no file '" + providerFileId + "'");
        }
    }

    @Override
    public void delete(String providerFileId) {
        try {
            Files.deleteIfExists(stored(providerFileId));
        } catch (IOException e) {
            throw new ProviderUnavailable(NAME, "the local store could not delete the file: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Only ids this store generated resolve; anything else (a path, say) is refused. */
    private Path stored(String providerFileId) {
        if (!providerFileId.matches("file-[0-9a-f-]{36}")) {
            throw new ProviderRejected(NAME, "the local store has no file '" + providerFileId + "'");
        }
        return Path.of(settings.localDir).resolve(providerFileId);
    }

    @Override
    public Optional<ProviderFile> delivered(String uploadId, String filename, long bytes, Instant since) {
        Path stored = Path.of(settings.localDir).resolve("file-" + uploadId);
        try {
            return Files.isRegularFile(stored) && Files.size(stored) == bytes
                    ? Optional.of(new ProviderFile("file-" + uploadId, bytes, null)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderFile upload(String uploadId, String filename, String contentType, String purpose, FileContent content) {
        // The stored id derives from the upload's id: delivering the same upload again replaces
        // the same file instead of adding a second one.
        String id = "file-" + uploadId;
        try {
            Path directory = Files.createDirectories(Path.of(settings.localDir));
            Path stored = directory.resolve(id);
            Path partial = directory.resolve(id + "." + UUID.randomUUID() + ".partial");
            content.copyTo(partial);
            // A file appears under its id only when complete.
            Files.move(partial, stored, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new ProviderFile(id, Files.size(stored), purpose);
        } catch (IOException e) {
            throw new ProviderUnavailable(NAME, "the local store could not write the file: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
