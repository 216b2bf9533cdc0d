package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.rollout.control.RolloutDecider;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadState;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an async upload ends that no attempt delivered, as Fault Tolerance hands it over. */
class SyncFallbackTest {

    @TempDir
    Path spoolDir;

    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingStore store = new RecordingStore();
    private final SyncFallback fallback = new SyncFallback();
    private boolean fallbackOn = true;
    private Path spool;
    private Delivery delivery;

    @BeforeEach
    void anUploadWhoseAttemptsFailed() throws Exception {
        fallback.store = store;
        fallback.legacy = new LegacyDelivery();
        fallback.legacy.store = store;
        fallback.decider = new RolloutDecider() {
            @Override
            public boolean fallbackEnabled() {
                return fallbackOn;
            }
        };
        spool = Files.write(spoolDir.resolve("b.spool"), new byte[]{4, 5, 6});
        delivery = DeliveryTest.accepted(store, provider, spool, "b.bin");
        delivery.nextAttempt();
        delivery.nextAttempt();
        delivery.nextAttempt();
    }

    private Upload handle(Throwable failure) throws Exception {
        return fallback.handle(context(failure)).get();
    }

    private ExecutionContext context(Throwable failure) {
        return new ExecutionContext() {
            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[]{delivery};
            }

            @Override
            public Throwable getFailure() {
                return failure;
            }
        };
    }

    private static ProviderFile file(String id) {
        return new ProviderFile(id, 3, "file-extract");
    }

    @Test
    void anUnavailableProviderGetsOneSyncTryRecordedAsSyncFallback() throws Exception {
        provider.answer(file("file-sync"));

        Upload done = handle(new ProviderUnavailable("kimi", "kimi answered 503", null));

        assertEquals(1, provider.uploadCalls.get(), "stored once, by the legacy path");
        assertEquals(UploadState.DELIVERED, done.getState());
        assertEquals(UploadPath.SYNC_FALLBACK, done.getPath());
        assertEquals("file-sync", done.getProviderFileId());
        assertEquals(4, done.getAttempts(), "three async attempts and the sync one");
        assertSame(done, delivery.outcome().getNow(null));
        assertFalse(Files.exists(spool), "the spool file goes once the upload has ended");
    }

    /** The last attempt timed out after the provider stored the file: delivered, and not sent again. */
    @Test
    void aTimedOutUploadThatTheProviderStoredIsDeliveredOnceWithoutFallback() throws Exception {
        provider.holds = () -> Optional.of(file("file-arrived"));

        Upload done = handle(new TimeoutException("attempt timed out"));

        assertEquals(0, provider.uploadCalls.get(), "no second copy");
        assertEquals(1, provider.reconcileCalls.get());
        assertEquals(UploadPath.ASYNC, done.getPath());
        assertEquals("file-arrived", done.getProviderFileId());
        assertEquals(3, done.getAttempts());
    }

    @Test
    void anAnswerAnAttemptRecordedIsDeliveredWithoutAskingOrSending() throws Exception {
        delivery.delivered(file("file-recorded"));

        Upload done = handle(new TimeoutException("attempt timed out"));

        assertEquals(0, provider.uploadCalls.get());
        assertEquals(0, provider.reconcileCalls.get());
        assertEquals("file-recorded", done.getProviderFileId());
        assertEquals(UploadState.DELIVERED, done.getState());
    }

    @Test
    void aTimeoutTheProviderCannotBeAskedAboutFallsBackToSync() throws Exception {
        provider.holds = () -> {
            throw new ProviderUnavailable("kimi", "could not list files", null);
        };
        provider.answer(file("file-sync"));

        Upload done = handle(new TimeoutException("attempt timed out"));

        assertEquals(UploadPath.SYNC_FALLBACK, done.getPath());
        assertEquals(1, provider.uploadCalls.get());
    }

    @Test
    void aTimeoutIsReportedInTheProvidersNameWhenFallbackIsOff() {
        fallbackOn = false;

        ProviderFailure failure = assertThrows(ProviderFailure.class, () -> handle(new TimeoutException("attempt timed out")));

        assertEquals(ProblemType.PROVIDER_TIMEOUT, failure.problem());
        assertEquals("kimi", failure.provider());
        assertTrue(failure.getMessage().contains("3 attempt(s)"), failure.getMessage());
        Upload record = store.find(delivery.uploadId());
        assertEquals(UploadState.FAILED, record.getState());
        assertEquals(ProblemType.PROVIDER_TIMEOUT.slug(), record.getFailureClass());
        assertEquals(0, provider.uploadCalls.get());
    }

    @Test
    void aRefusedFileFailsWithoutASyncTry() {
        ProviderRejected refusal = new ProviderRejected("kimi", "kimi answered 400: unsupported file");

        ProviderRejected thrown = assertThrows(ProviderRejected.class, () -> fallback.handle(context(refusal)));

        assertSame(refusal, thrown);
        assertEquals(0, provider.uploadCalls.get(), "another try would be refused the same way");
        Upload record = store.find(delivery.uploadId());
        assertEquals(UploadState.FAILED, record.getState());
        assertEquals(UploadPath.ASYNC, record.getPath());
        assertEquals(ProblemType.PROVIDER_REJECTED.slug(), record.getFailureClass());
        assertEquals("kimi answered 400: unsupported file", record.getFailureReason());
        CompletionException outcome = assertThrows(CompletionException.class, () -> delivery.outcome().join());
        assertSame(refusal, outcome.getCause(), "the waiting caller hears the provider's refusal");
        assertTrue(Files.exists(spool), "a failed upload's spool file is kept for the retention period");
    }

    @Test
    void anUnavailableProviderFailsTheUploadWhenFallbackIsOff() {
        fallbackOn = false;

        ProviderUnavailable thrown = assertThrows(ProviderUnavailable.class,
                () -> handle(new ProviderUnavailable("kimi", "kimi answered 502", null)));

        assertEquals(ProblemType.PROVIDER_UNAVAILABLE, thrown.problem());
        assertEquals(0, provider.uploadCalls.get());
        assertEquals(ProblemType.PROVIDER_UNAVAILABLE.slug(), store.find(delivery.uploadId()).getFailureClass());
        assertTrue(delivery.outcome().isCompletedExceptionally());
    }

    @Test
    void aSyncTryThatFailsTooEndsTheUploadAsFailedOnce() {
        provider.fail(new ProviderUnavailable("kimi", "kimi answered 503 again", null));

        assertThrows(ProviderUnavailable.class, () -> handle(new ProviderUnavailable("kimi", "kimi answered 503", null)));

        assertEquals(1, provider.uploadCalls.get());
        Upload record = store.find(delivery.uploadId());
        assertEquals(UploadState.FAILED, record.getState());
        assertEquals(UploadPath.SYNC_FALLBACK, record.getPath());
        assertEquals(4, record.getAttempts());
        assertTrue(delivery.outcome().isCompletedExceptionally());
    }
}
