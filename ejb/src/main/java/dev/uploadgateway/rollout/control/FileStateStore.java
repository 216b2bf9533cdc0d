package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.StoredRollout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The rollout's state as a single node kept it before the state moved to the database
 * ({@link SharedRollout}): one JSON document in {@code rollout.state-file}, read once, when the
 * database holds no rollout yet, so an upgraded gateway goes on where it stood.
 */
@ApplicationScoped
public class FileStateStore {

    private static final Logger LOG = Logger.getLogger(FileStateStore.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @ConfigProperties
    RolloutFiles files;

    /** Where the legacy state file is looked for. */
    public Path location() {
        return Path.of(files.stateFile).toAbsolutePath();
    }

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
}
