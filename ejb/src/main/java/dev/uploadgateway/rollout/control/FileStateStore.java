package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.StoredRollout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The rollout's state as one JSON document in {@code rollout.state-file}, replaced atomically
 * (written beside, then moved over), so a crash leaves either the old state or the new one.
 */
@ApplicationScoped
public class FileStateStore implements RolloutStateStore {

    private static final Logger LOG = Logger.getLogger(FileStateStore.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @ConfigProperties
    RolloutFiles files;

    @Override
    public Optional<StoredRollout> load() {
        Path file = Path.of(files.stateFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), StoredRollout.class));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The rollout state in {0} cannot be read ({1}); starting from the baseline",
                    new Object[]{file, e.getMessage()});
            return Optional.empty();
        }
    }

    @Override
    public synchronized void save(StoredRollout stored) {
        Path file = Path.of(files.stateFile).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, JSON.toJson(stored), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the rollout state to " + file, e);
        }
    }
}
