package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.StoredRollout;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {

    /** A state file as the gateway wrote it before {@code RolloutState.state} was renamed {@code controllerState}. */
    private static final String WRITTEN_BEFORE_THE_RENAME = "{\"configEnabled\":true,\"configPercent\":10.0,"
            + "\"state\":{\"asyncEnabled\":true,\"heapAtStageStart\":14781384,\"paused\":false,\"percent\":10.0,"
            + "\"stageIndex\":2,\"stageStartedAt\":\"2026-12-02T00:54:04.121016228Z\","
            + "\"stageStarts\":{\"0\":\"2026-12-01T22:00:00Z\",\"2\":\"2026-12-02T00:54:04.121016228Z\"},"
            + "\"state\":\"HOLDING\"}}";

    @TempDir
    Path dir;

    private FileStateStore store() {
        FileStateStore store = new FileStateStore();
        store.files = new RolloutFiles();
        store.files.stateFile = dir.resolve("rollout-state.json").toString();
        return store;
    }

    @Test
    void readsControllerStateFromAFileWrittenBeforeTheRename() throws IOException {
        FileStateStore store = store();
        Files.writeString(Path.of(store.files.stateFile), WRITTEN_BEFORE_THE_RENAME, StandardCharsets.UTF_8);

        StoredRollout stored = store.load().orElseThrow();

        RolloutState state = stored.state();
        assertEquals(ControllerState.HOLDING, state.controllerState());
        assertEquals(2, state.stageIndex());
        assertEquals(10.0, state.percent());
        assertTrue(state.asyncEnabled());
        assertEquals(Instant.parse("2026-12-01T22:00:00Z"), state.stageStarts().get(0));
        assertEquals(14_781_384L, state.heapAtStageStart());
        assertEquals(Boolean.TRUE, stored.configEnabled());
        assertEquals(10.0, stored.configPercent());
    }

    @Test
    void theSharedDocumentKeepsTheNameOlderFilesUseSoAnImportedFileReadsTheSame() throws IOException {
        FileStateStore store = store();
        Instant now = Instant.parse("2026-12-02T00:54:04Z");
        RolloutState state = new RolloutState(1, 1.0, true, false, ControllerState.ROLLED_BACK, now, Map.of(1, now),
                150L, 90L, 1_000_000L, null, null, null);

        String json = JsonbBuilder.create().toJson(new StoredRollout(state, true, 1.0));
        Files.writeString(Path.of(store.files.stateFile), json, StandardCharsets.UTF_8);

        assertTrue(json.contains("\"state\":\"ROLLED_BACK\""), json);
        assertFalse(json.contains("controllerState"), json);
        assertEquals(state, store.load().orElseThrow().state());
    }
}
