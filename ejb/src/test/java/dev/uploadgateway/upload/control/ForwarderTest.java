package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a forwarded first attempt ends an upload: delivered, refused, retried from the spool, or timed out. */
class ForwarderTest {

    @TempDir
    Path spoolDir;

    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingStore store = new RecordingStore();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Delivery> retried = new ArrayList<>();
    private final Forwarder forwarder = new Forwarder();
    private Path spool;
    private Delivery delivery;
    private Forward forward;

    @BeforeEach
    void aForwardedUploadWhoseRecordIsCommitted() throws Exception {
        forwarder.store = store;
        forwarder.scheduler = scheduler;
        forwarder.attemptTimeoutSeconds = 30;
        forwarder.start();
        spool = Files.write(spoolDir.resolve("a.spool"), new byte[]{1, 2, 3});
        delivery = DeliveryTest.accepted(store, provider, spool, "a.bin");
        Spool spools = new Spool();
        spools.settings = new UploadSettings();
        spools.settings.spoolDir = spoolDir.toString();
        forward = new Forward(delivery.uploadId(), new Providers.Target(provider, "file-extract"), "a.bin",
                "application/octet-stream", spools.openLive(3), io.opentelemetry.context.Context.root());
    }

    @AfterEach
    void stop() {
        forwarder.stop();
        scheduler.shutdownNow();
    }

    @Test
    void aDeliveredForwardEndsTheUploadWithOneWrite() throws Exception {
        forwarder.settle(forward, delivery, retried::add);
        forward.answer().complete(new ProviderFile("file-9", 3, "file-extract"));
        Upload done = delivery.outcome().get(5, TimeUnit.SECONDS);
        assertEquals(UploadState.DELIVERED, done.getState());
        assertEquals("file-9", done.getProviderFileId());
        assertEquals(1, done.getAttempts());
        assertEquals(List.of("DELIVERED"), store.updates, "accepted once, ended once: two writes in all");
        assertFalse(Files.exists(spool), "the spool file is released");
        assertTrue(retried.isEmpty());
    }

    @Test
    void aRefusedForwardFailsTheUploadWithoutSendingItAgain() {
        forwarder.settle(forward, delivery, retried::add);
        forward.answer().completeExceptionally(new ProviderRejected("kimi", "kimi answered 400: no"));
        assertTrue(delivery.outcome().isCompletedExceptionally());
        assertEquals(UploadState.FAILED, store.find(delivery.uploadId()).getState());
        assertTrue(retried.isEmpty(), "a refusal is not retried");
        assertTrue(Files.exists(spool), "kept for inspection like every failed upload's spool");
    }

    @Test
    void aForwardThatFailedOtherwiseIsRetriedFromTheSpoolAfterItsRetryAfter() {
        forwarder.settle(forward, delivery, retried::add);
        forward.answer().completeExceptionally(new ProviderUnavailable("kimi", "kimi answered 429: slow down", null,
                Duration.ofSeconds(2)));
        assertEquals(List.of(delivery), retried);
        assertEquals(1, delivery.attempts(), "the forward was attempt 1: the retry is attempt 2");
        assertFalse(delivery.outcome().isDone());
        long start = System.nanoTime();
        delivery.awaitRetryAfter();
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1500), "the provider's Retry-After is kept");
        assertEquals(List.of(), store.updates, "nothing written until the retry");
    }

    @Test
    void aForwardWithoutAnAnswerInTimeIsInterrupted() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            forwarder.attemptTimeoutSeconds = 1;
            CountDownLatch interrupted = new CountDownLatch(1);
            Thread sender = new Thread(() -> {
                forward.sending();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    forward.answer().completeExceptionally(new ProviderUnavailable("kimi", "interrupted (timed out)", e));
                } finally {
                    forward.sent();
                }
            });
            sender.start();
            forwarder.settle(forward, delivery, retried::add);
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the attempt's time ran out");
            sender.join(5_000);
            assertEquals(List.of(delivery), retried, "and it is retried from the spool");
        });
    }
}
