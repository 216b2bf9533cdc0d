package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.problem.entity.TooLarge;
import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.rollout.entity.Decision;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadReceipt;
import dev.uploadgateway.upload.entity.UploadState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.uploadgateway.rollout.control.ThisNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gateway takes on, what it refuses, and which interrupted uploads it resumes. */
class AcceptanceTest {

    private static final byte[] BYTES = "hello".getBytes(StandardCharsets.UTF_8);
    private static final String SHA = Spool.sha256(BYTES);
    private static final Decision ASYNC = new Decision(UploadPath.ASYNC, "key", false, 1, 100);
    private static final Decision SYNC = new Decision(UploadPath.SYNC, "key", false, 1, 0);
    private static final Tenant TENANT = Tenant.of("tenant-a");

    @TempDir
    Path temp;

    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingStore store = new RecordingStore();
    private final List<Delivery> dispatched = new ArrayList<>();
    private final Acceptance acceptance = new Acceptance();
    private long providerLimit = 1_000;
    private Path spoolDir;

    @BeforeEach
    void wire() throws Exception {
        spoolDir = Files.createDirectories(temp.resolve("spool"));
        acceptance.store = store;
        acceptance.node = new ThisNode() {
            @Override
            public String id() {
                return "node-a";
            }
        };
        acceptance.legacy = new LegacyDelivery();
        acceptance.legacy.store = store;
        acceptance.providers = new Providers() {
            @Override
            public Target target(String requestedProvider, String requestedPurpose) {
                if (!"kimi".equals(requestedProvider)) {
                    throw new Refused(ProblemType.UNKNOWN_PROVIDER, "Provider '" + requestedProvider + "' is not known.");
                }
                return new Target(provider, requestedPurpose == null ? "file-extract" : requestedPurpose);
            }

            @Override
            public void checkSize(Target target, long bytes) {
                if (bytes > providerLimit) {
                    throw new TooLarge("The file has " + bytes + " bytes; at most " + providerLimit + ".");
                }
            }
        };
        acceptance.spoolDir = new Spool();
        acceptance.spoolDir.settings = new UploadSettings();
        acceptance.spoolDir.settings.spoolDir = spoolDir.toString();
    }

    private ReceivedUpload spooled(byte[] bytes, String purpose) throws Exception {
        Path file = Files.write(spoolDir.resolve(java.util.UUID.randomUUID() + ".spool"), bytes);
        return new ReceivedUpload("a.txt", "text/plain", bytes.length, Spool.sha256(bytes),
                new FileContent.Spooled(file, bytes.length), "kimi", purpose);
    }

    private static Path spoolOf(ReceivedUpload received) {
        return ((FileContent.Spooled) received.content()).file();
    }

    private UploadReceipt accept(ReceivedUpload received, String idempotencyKey) {
        return acceptance.accept(received, ASYNC, TENANT, idempotencyKey, System.nanoTime(), dispatched::add);
    }

    @Test
    void commitsTheRecordThenHandsTheUploadToTheAsyncPath() throws Exception {
        ReceivedUpload received = spooled(BYTES, null);

        UploadReceipt receipt = accept(received, null);

        assertEquals(1, store.creates);
        assertEquals(UploadState.UPLOADING, receipt.accepted().getState(), "created as its first attempt: one write less");
        assertEquals(1, receipt.accepted().getAttempts());
        assertEquals(List.of(), store.updates, "accepting writes the record once");
        assertEquals(spoolOf(received).toString(), receipt.accepted().getSpoolFile(), "a restart finds the bytes");
        assertEquals("tenant-a", receipt.accepted().getTenant());
        assertEquals("node-a", receipt.accepted().getNode(), "the node that holds the spool resumes it");
        assertEquals(1, dispatched.size());
        assertEquals(receipt.accepted().getId(), dispatched.get(0).uploadId());
        assertSame(dispatched.get(0).outcome(), receipt.outcome());
        assertFalse(receipt.replayed());
    }

    @Test
    void deliversASyncUploadOnTheCallersThreadInOneAttempt() {
        provider.answer(new ProviderFile("file-1", BYTES.length, "file-extract"));
        ReceivedUpload received = new ReceivedUpload("a.txt", "text/plain", BYTES.length, SHA,
                new FileContent.InMemory(BYTES), "kimi", null);

        UploadReceipt receipt = acceptance.accept(received, SYNC, TENANT, null, System.nanoTime(), dispatched::add);

        assertEquals(UploadState.DELIVERED, receipt.accepted().getState());
        assertEquals(UploadPath.SYNC, receipt.accepted().getPath());
        assertEquals(1, receipt.accepted().getAttempts());
        assertTrue(receipt.outcome().toCompletableFuture().isDone());
        assertEquals(List.of(), dispatched);
        assertNull(receipt.accepted().getSpoolFile(), "the sync path keeps no copy");
    }

    @Test
    void refusesAFileOverTheProvidersLimitAndLeavesNothingBehind() throws Exception {
        providerLimit = 4;
        ReceivedUpload received = spooled(BYTES, null);

        Refused refused = assertThrows(Refused.class, () -> accept(received, null));

        assertEquals(ProblemType.UPLOAD_TOO_LARGE, refused.problem());
        assertEquals("upload-too-large", refused.problem().slug());
        assertEquals(413, refused.problem().status());
        assertEquals(0, store.creates, "no record");
        assertFalse(Files.exists(spoolOf(received)), "no spool file");
        assertEquals(List.of(), dispatched);
    }

    @Test
    void refusesAnUnknownProviderAndLeavesNoSpoolFile() throws Exception {
        ReceivedUpload received = new ReceivedUpload("a.txt", "text/plain", BYTES.length, SHA,
                spooled(BYTES, null).content(), "nobody", null);

        Refused refused = assertThrows(Refused.class, () -> accept(received, null));

        assertEquals("unknown-provider", refused.problem().slug());
        assertFalse(Files.exists(spoolOf(received)));
        assertEquals(0, store.creates);
    }

    @Test
    void answersTheSameUploadUnderTheSameKeyWithTheFirstRecord() throws Exception {
        UploadReceipt first = accept(spooled(BYTES, null), "key-1");
        ReceivedUpload again = spooled(BYTES, null);

        UploadReceipt replay = accept(again, "key-1");

        assertTrue(replay.replayed());
        assertSame(first.accepted(), replay.accepted());
        assertEquals(1, store.creates, "no second record");
        assertEquals(1, dispatched.size(), "not delivered twice");
        assertFalse(Files.exists(spoolOf(again)), "the repeat's bytes are not kept");
    }

    @Test
    void refusesAKeyUsedForDifferentContent() throws Exception {
        UploadReceipt first = accept(spooled(BYTES, null), "key-2");
        ReceivedUpload other = spooled("other".getBytes(StandardCharsets.UTF_8), null);

        Refused refused = assertThrows(Refused.class, () -> accept(other, "key-2"));

        assertEquals("idempotency-key-reused", refused.problem().slug());
        assertEquals(409, refused.problem().status());
        assertTrue(refused.getMessage().contains(first.accepted().getId()), refused.getMessage());
        assertFalse(Files.exists(spoolOf(other)));
        assertEquals(1, store.creates);
    }

    @Test
    void refusesAKeyUsedForTheSameFileWithAnotherPurpose() throws Exception {
        accept(spooled(BYTES, "file-extract"), "key-3");
        ReceivedUpload otherPurpose = spooled(BYTES, "batch");

        Refused refused = assertThrows(Refused.class, () -> accept(otherPurpose, "key-3"));

        assertEquals(ProblemType.IDEMPOTENCY_KEY_REUSED, refused.problem());
        assertTrue(refused.getMessage().contains("purpose batch"), refused.getMessage());
    }

    @Test
    void anotherTenantsKeyIsNotAReplay() throws Exception {
        accept(spooled(BYTES, null), "shared-key");

        UploadReceipt other = acceptance.accept(spooled(BYTES, null), ASYNC, Tenant.of("tenant-b"), "shared-key",
                System.nanoTime(), dispatched::add);

        assertFalse(other.replayed());
        assertEquals(2, store.creates);
    }

    private Upload interrupted(Path spool, byte[] bytes, UploadState state) {
        Upload upload = store.create(new Upload("a.txt", "text/plain", bytes.length, Spool.sha256(bytes), "kimi",
                "file-extract", UploadPath.ASYNC, "key", spool == null ? null : spool.toString(), null));
        if (state == UploadState.UPLOADING) {
            upload.uploading(2);
        }
        return upload;
    }

    @Test
    void resumesAnInterruptedUploadFromItsSpoolFileAndCountsOn() throws Exception {
        Path spool = Files.write(spoolDir.resolve("resume.spool"), BYTES);
        Upload upload = interrupted(spool, BYTES, UploadState.RECEIVED);

        acceptance.resume(upload, dispatched::add);

        assertEquals(1, dispatched.size());
        Delivery delivery = dispatched.get(0);
        assertEquals(upload.getId(), delivery.uploadId());
        assertEquals(spool, ((FileContent.Spooled) delivery.content()).file());
        assertEquals(0, provider.reconcileCalls.get(), "no attempt was in flight");
    }

    /** An attempt was in flight at the crash: the provider is asked first, so the file is not stored twice. */
    @Test
    void resumingAnUploadThatWasInFlightAdoptsTheFileTheProviderHolds() throws Exception {
        Path spool = Files.write(spoolDir.resolve("inflight.spool"), BYTES);
        Upload upload = interrupted(spool, BYTES, UploadState.UPLOADING);
        provider.holds = () -> Optional.of(new ProviderFile("file-held", BYTES.length, "file-extract"));

        acceptance.resume(upload, dispatched::add);

        Delivery delivery = dispatched.get(0);
        assertEquals("file-held", delivery.delivered().id());
        assertEquals(2, delivery.attempts(), "counts on from the attempts before the restart");
        assertEquals(0, provider.uploadCalls.get());
    }

    /** A record altered to name another file (say /etc/shadow) sends nothing. */
    @Test
    void doesNotResumeASpoolFileOutsideTheSpoolDirectory() throws Exception {
        Path outside = Files.write(temp.resolve("secret.txt"), BYTES);
        Upload upload = interrupted(outside, BYTES, UploadState.RECEIVED);

        acceptance.resume(upload, dispatched::add);

        assertEquals(List.of(), dispatched);
        assertEquals(UploadState.FAILED, upload.getState());
        assertEquals("spool-outside-spool-dir", upload.getFailureClass());
        assertTrue(Files.exists(outside), "a file the gateway does not own is never deleted");
    }

    @Test
    void doesNotResumeThroughALinkThatPointsOutOfTheSpoolDirectory() throws Exception {
        Path outside = Files.write(temp.resolve("secret.txt"), BYTES);
        Path link = Files.createSymbolicLink(spoolDir.resolve("link.spool"), outside);
        Upload upload = interrupted(link, BYTES, UploadState.RECEIVED);

        acceptance.resume(upload, dispatched::add);

        assertEquals(List.of(), dispatched);
        assertEquals("spool-outside-spool-dir", upload.getFailureClass());
    }

    @Test
    void aSyncUploadInterruptedByARestartFailsAsInterrupted() {
        Upload upload = interrupted(null, BYTES, UploadState.UPLOADING);

        acceptance.resume(upload, dispatched::add);

        assertEquals(List.of(), dispatched);
        assertEquals(UploadState.FAILED, upload.getState());
        assertEquals("interrupted", upload.getFailureClass());
    }

    @Test
    void aSpoolFileThatCameBackShortIsNotSentAndIsRemoved() throws Exception {
        Path spool = Files.write(spoolDir.resolve("short.spool"), new byte[]{'h', 'e'});
        Upload upload = interrupted(spool, BYTES, UploadState.RECEIVED);

        acceptance.resume(upload, dispatched::add);

        assertEquals(List.of(), dispatched);
        assertEquals("spool-incomplete", upload.getFailureClass());
        assertFalse(Files.exists(spool));
    }

    @Test
    void aSpoolFileWithOtherBytesOfTheSameLengthIsNotSent() throws Exception {
        Path spool = Files.write(spoolDir.resolve("altered.spool"), "jello".getBytes(StandardCharsets.UTF_8));
        Upload upload = interrupted(spool, BYTES, UploadState.RECEIVED);

        acceptance.resume(upload, dispatched::add);

        assertEquals(List.of(), dispatched);
        assertEquals("spool-incomplete", upload.getFailureClass());
    }
}
