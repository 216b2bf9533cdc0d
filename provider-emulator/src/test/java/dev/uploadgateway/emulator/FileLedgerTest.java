package dev.uploadgateway.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLedgerTest {

    @TempDir
    Path storage;

    @Test
    void deletingThroughTheProviderApiHidesTheFileButKeepsTheRecord() throws IOException {
        FileLedger ledger = new FileLedger();
        ReceivedFile file = stored("file-a", "kimi", "ab");
        ledger.add(file);

        assertTrue(ledger.delete(Flavour.KIMI, "file-a").isPresent());

        assertEquals(List.of(), ledger.live(Flavour.KIMI));
        assertEquals(Optional.empty(), ledger.find(Flavour.KIMI, "file-a"));
        assertEquals(List.of(file), ledger.received());
        assertFalse(Files.exists(file.storedAt()));
    }

    @Test
    void withdrawingForgetsTheFileAndItsBytes() throws IOException {
        FileLedger ledger = new FileLedger();
        ReceivedFile file = stored("file-b", "glm", "cd");
        ledger.add(file);

        ledger.withdraw(file);

        assertEquals(List.of(), ledger.received());
        assertFalse(Files.exists(file.storedAt()));
    }

    @Test
    void findsFilesOnlyUnderTheirOwnFlavour() throws IOException {
        FileLedger ledger = new FileLedger();
        ledger.add(stored("file-c", "glm", "ef"));

        assertTrue(ledger.find(Flavour.GLM, "file-c").isPresent());
        assertEquals(Optional.empty(), ledger.find(Flavour.KIMI, "file-c"));
        assertEquals(Optional.empty(), ledger.delete(Flavour.KIMI, "file-c"));
    }

    @Test
    void countsDuplicatesBySha256IgnoringCase() throws IOException {
        FileLedger ledger = new FileLedger();
        ledger.add(stored("file-d", "kimi", "abc123"));
        ledger.add(stored("file-e", "glm", "abc123"));
        ledger.add(stored("file-f", "glm", "ffffff"));

        assertEquals(2, ledger.countBySha256("ABC123"));
        assertEquals("file-d", ledger.bySha256("abc123").orElseThrow().id());
    }

    @Test
    void recordsEachUploadRequestsTraceparentInArrivalOrder() {
        FileLedger ledger = new FileLedger();
        ledger.countRequest("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ledger.countRequest(null);

        assertEquals(List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", ""), ledger.traceparents());
        assertEquals(2, ledger.requests());
    }

    @Test
    void clearForgetsRecordsAndCountersAndDeletesBytes() throws IOException {
        FileLedger ledger = new FileLedger();
        ReceivedFile file = stored("file-g", "kimi", "aa");
        ledger.add(file);
        ledger.countRequest("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ledger.countAborted();

        ledger.clear();

        assertEquals(List.of(), ledger.received());
        assertEquals(List.of(), ledger.traceparents());
        assertEquals(0, ledger.requests());
        assertEquals(0, ledger.aborted());
        assertFalse(Files.exists(file.storedAt()));
    }

    private ReceivedFile stored(String id, String flavour, String sha256Hex) throws IOException {
        Path bytes = Files.writeString(storage.resolve(id), id);
        return new ReceivedFile(id, flavour, id + ".txt", "file", 6, sha256Hex, bytes, Instant.now(), "content-length", null);
    }
}
