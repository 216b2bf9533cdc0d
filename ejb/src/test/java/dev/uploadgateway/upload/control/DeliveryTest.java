package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Delivery} and the attempt that uses it ({@link AsyncAttempt}), called the way Fault
 * Tolerance calls it: the same delivery again after a failed attempt.
 */
class DeliveryTest {

    @TempDir
    Path spoolDir;

    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingStore store = new RecordingStore();
    private final AsyncAttempt attempt = new AsyncAttempt();
    private Path spool;
    private Delivery delivery;

    @BeforeEach
    void anAcceptedAsyncUpload() throws Exception {
        attempt.store = store;
        spool = Files.write(spoolDir.resolve("a.spool"), new byte[]{1, 2, 3});
        delivery = accepted(store, provider, spool, "a.bin");
    }

    /** An async upload of the 3 bytes in {@code spool} to kimi, its record committed in {@code store}. */
    static Delivery accepted(RecordingStore store, ScriptedProvider provider, Path spool, String filename) {
        Upload record = store.create(new Upload(filename, "application/octet-stream", 3, "00", "kimi", "file-extract",
                UploadPath.ASYNC, "key", spool.toString(), null));
        ReceivedUpload received = new ReceivedUpload(filename, "application/octet-stream", 3, "00",
                new FileContent.Spooled(spool, 3), "kimi", "file-extract");
        return new Delivery(record.getId(), received, new Providers.Target(provider, "file-extract"), System.nanoTime(),
                record.getCreatedAt(), io.opentelemetry.context.Context.root());
    }

    private static ProviderFile file(String id) {
        return new ProviderFile(id, 3, "file-extract");
    }

    @Test
    void aFirstAttemptSendsWithoutAskingTheProviderFirst() throws Exception {
        provider.answer(file("file-1"));
        Upload done = attempt.deliver(delivery).get();
        assertEquals(UploadState.DELIVERED, done.getState());
        assertEquals("file-1", done.getProviderFileId());
        assertEquals(1, done.getAttempts());
        assertEquals(List.of("DELIVERED"), store.updates, "a first attempt writes only the upload's end");
        assertEquals(0, provider.reconcileCalls.get(), "nothing can have arrived before the first attempt");
        assertSame(done, delivery.outcome().getNow(null), "the outcome completes with the delivered record");
        assertFalse(Files.exists(spool), "a delivered upload's spool file is released");
    }

    /** A reset after the body reached the provider: the retry finds the file there and does not send it twice. */
    @Test
    void aRetryAdoptsTheFileTheProviderStoredInsteadOfSendingItAgain() throws Exception {
        provider.fail(new ProviderUnavailable("kimi", "connection reset after the body", null));
        assertThrows(ProviderUnavailable.class, () -> attempt.deliver(delivery));
        provider.holds = () -> Optional.of(file("file-stored"));

        Upload done = attempt.deliver(delivery).get();

        assertEquals(1, provider.uploadCalls.get(), "sent once, adopted on the retry");
        assertEquals(1, provider.reconcileCalls.get());
        assertEquals("file-stored", done.getProviderFileId());
        assertEquals(2, done.getAttempts());
        assertEquals(UploadPath.ASYNC, done.getPath());
    }

    @Test
    void aRetrySendsAgainWhenTheProviderDoesNotHoldTheFile() throws Exception {
        provider.fail(new ProviderUnavailable("kimi", "503", null)).answer(file("file-2"));
        assertThrows(ProviderUnavailable.class, () -> attempt.deliver(delivery));

        Upload done = attempt.deliver(delivery).get();

        assertEquals(2, provider.uploadCalls.get());
        assertEquals(1, provider.reconcileCalls.get(), "asked before sending again");
        assertEquals("file-2", done.getProviderFileId());
    }

    /** An attempt that timed out after the provider answered left the answer behind: the next one uses it. */
    @Test
    void aRetryReusesAnAnswerAnEarlierAttemptRecorded() throws Exception {
        delivery.nextAttempt();
        delivery.delivered(file("file-late"));

        Upload done = attempt.deliver(delivery).get();

        assertEquals(0, provider.uploadCalls.get());
        assertEquals(0, provider.reconcileCalls.get());
        assertEquals("file-late", done.getProviderFileId());
        assertEquals(2, done.getAttempts());
    }

    @Test
    void keepsTheFirstAnswerWhenTwoAttemptsReportOne() {
        delivery.delivered(file("first"));
        delivery.delivered(file("second"));
        assertEquals("first", delivery.delivered().id());
    }

    @Test
    void aRefusalIsPassedOnAndNothingIsRecordedAsDelivered() {
        provider.fail(new ProviderRejected("kimi", "kimi answered 400: bad purpose"));
        ProviderRejected rejected = assertThrows(ProviderRejected.class, () -> attempt.deliver(delivery));
        assertEquals(ProblemType.PROVIDER_REJECTED, rejected.problem());
        assertNull(delivery.delivered());
        assertFalse(delivery.outcome().isDone(), "the fallback, not the attempt, ends a failed upload");
        assertTrue(Files.exists(spool), "the spool file stays for the fallback");
    }

    /** 429 with Retry-After: 1 — the next attempt starts no earlier than a second after the refusal. */
    @Test
    void theNextAttemptWaitsOutTheProvidersRetryAfter() throws Exception {
        provider.fail(new ProviderUnavailable("kimi", "kimi answered 429", null, Duration.ofSeconds(1)))
                .answer(file("file-3"));
        assertThrows(ProviderUnavailable.class, () -> attempt.deliver(delivery));
        long refused = provider.lastUploadNanos;

        attempt.deliver(delivery).get();

        long waitedMs = TimeUnit.NANOSECONDS.toMillis(provider.lastUploadNanos - refused);
        assertTrue(waitedMs >= 1_000, "the second attempt came " + waitedMs + " ms after the 429");
    }

    @Test
    void aWaitWithoutRetryAfterIsNoWait() {
        long start = System.nanoTime();
        delivery.awaitRetryAfter();
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500));
    }

    /** The attempt's @Timeout interrupts the wait: the attempt ends as unavailable, so it is retried. */
    @Test
    void aRetryAfterOutlastingTheAttemptEndsItAsUnavailable() {
        delivery.retryAfter(Duration.ofMinutes(5));
        Thread.currentThread().interrupt();
        try {
            ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, delivery::awaitRetryAfter);
            assertEquals(ProblemType.PROVIDER_UNAVAILABLE, unavailable.problem());
            assertEquals("kimi", unavailable.provider());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aResumedUploadCountsOnFromItsEarlierAttempts() throws Exception {
        delivery.resumeAfter(2);
        provider.holds = () -> Optional.empty();
        provider.answer(file("file-4"));

        Upload done = attempt.deliver(delivery).get();

        assertEquals(3, done.getAttempts());
        assertEquals(1, provider.reconcileCalls.get(), "a resumed upload is past its first attempt: asked first");
    }

    @Test
    void reconcilingRecordsWhatTheProviderHolds() {
        provider.holds = () -> Optional.of(file("file-5"));
        assertEquals(Optional.of(file("file-5")), delivery.reconcile());
        assertEquals("file-5", delivery.delivered().id());
    }
}
