package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.upload.entity.UploadRejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyWatchTest {

    private long now;
    private BodyWatch watch;

    @BeforeEach
    void twentySecondsAndFiveHundredBytesASecond() {
        watch = new BodyWatch();
        watch.idleSeconds = 20;
        watch.minBytesPerSecond = 500;
        watch.clock = () -> now;
    }

    private void after(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void cutsABodyThatSendsNothingForTheIdleTimeout() throws IOException {
        BodyWatch.Watched body = watch.watch(new ByteArrayInputStream(new byte[100]));
        body.read(new byte[10]);
        after(19);
        assertTrue(watch.verdict(body, now).isEmpty());
        after(1);
        assertTrue(watch.verdict(body, now).orElseThrow().contains("nothing for 20 s"));
    }

    @Test
    void cutsATrickleBelowTheMinimumRateThoughItIsNeverIdle() throws IOException {
        BodyWatch.Watched body = watch.watch(new ByteArrayInputStream(new byte[100]));
        for (int second = 0; second < 19; second++) {
            body.read(new byte[1]);
            after(1);
            assertTrue(watch.verdict(body, now).isEmpty(), "second " + second);
        }
        body.read(new byte[1]);
        after(1);
        assertTrue(watch.verdict(body, now).orElseThrow().contains("below 500 bytes/s"));
    }

    @Test
    void keepsABodyThatKeepsUpTheRateWindowAfterWindow() throws IOException {
        BodyWatch.Watched body = watch.watch(new ByteArrayInputStream(new byte[1_000_000]));
        for (int second = 0; second < 100; second++) {
            body.readNBytes(600);
            after(1);
            assertTrue(watch.verdict(body, now).isEmpty(), "second " + second);
        }
    }

    @Test
    void stopsWatchingABodyReadToItsEndOrClosed() throws IOException {
        BodyWatch.Watched done = watch.watch(new ByteArrayInputStream(new byte[3]));
        done.readAllBytes();
        BodyWatch.Watched closed = watch.watch(new ByteArrayInputStream(new byte[3]));
        closed.close();
        assertEquals(0, watch.reading());
    }

    @Test
    void wakesAReaderBlockedInReadAndFailsItWith408() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream wire = new PipedInputStream(client);
        client.write(1);
        BodyWatch.Watched body = watch.watch(wire);
        CompletableFuture<Boolean> reader = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                byte[] buffer = new byte[10];
                while (body.read(buffer) >= 0) {
                    // the client sends nothing more, so this blocks
                }
                reader.complete(false);
            } catch (UploadRejected e) {
                reader.complete(e.status() == 408 && !Thread.currentThread().isInterrupted());
            } catch (IOException e) {
                reader.completeExceptionally(e);
            }
        });
        thread.start();
        after(21);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        watch.check();
        assertTrue(reader.get(10, TimeUnit.SECONDS), "408, and the thread's interrupt taken back");
        assertEquals(0, watch.reading());
        thread.join(10_000);
    }

    @Test
    void cutsTheSlowestBodyBelowTheRateToMakeRoom() throws IOException {
        BodyWatch.Watched fast = watch.watch(new ByteArrayInputStream(new byte[100_000]));
        BodyWatch.Watched slow = watch.watch(new ByteArrayInputStream(new byte[100]));
        after(2);
        fast.readNBytes(10_000);
        slow.read(new byte[1]);
        assertTrue(watch.cutSlowest());
        UploadRejected cut = assertThrows(UploadRejected.class, () -> slow.read(new byte[1]));
        assertEquals("request-body-too-slow", cut.type());
        assertEquals(10, fast.read(new byte[10]), "the fast body reads on");
        assertFalse(watch.cutSlowest(), "no other body below the rate");
    }

    @Test
    void givesANewBodyTimeToGetGoingBeforeItCanBeCutForOthers() {
        BodyWatch.Watched fresh = watch.watch(new ByteArrayInputStream(new byte[100]));
        now += BodyWatch.EVICTION_GRACE_NANOS - 1;
        assertFalse(watch.cutSlowest());
        now += 1;
        assertTrue(watch.cutSlowest());
        assertThrows(UploadRejected.class, () -> fresh.read(new byte[1]));
    }
}
