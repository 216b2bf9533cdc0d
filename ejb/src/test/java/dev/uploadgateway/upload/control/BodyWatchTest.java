package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyWatchTest {

    private long now;
    private BodyWatch watch;

    @BeforeEach
    void twentySecondsAndFiveHundredBytesASecond() {
        watch = new BodyWatch();
        watch.settings = new UploadSettings();
        watch.settings.readIdleTimeoutSeconds = 20;
        watch.settings.minBytesPerSecond = 500;
        watch.clock = () -> now;
    }

    /** A client that takes {@code seconds} per read (on the test's clock) and then sends {@code bytes}. */
    private InputStream client(double seconds, int bytes, Runnable duringRead) {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                now += (long) (seconds * 1e9);
                duringRead.run();
                return Math.min(len, bytes);
            }
        };
    }

    @Test
    void cutsABodyWhoseReadWaitsForTheIdleTimeout() throws IOException {
        List<Optional<String>> seen = new ArrayList<>();
        BodyWatch.Watched[] body = new BodyWatch.Watched[1];
        body[0] = watch.watch(client(19, 1, () -> seen.add(watch.verdict(body[0], now))));
        body[0].read(new byte[10]);
        assertEquals(Optional.empty(), seen.get(0), "19 s");
        body[0] = watch.watch(client(20, 1, () -> seen.add(watch.verdict(body[0], now))));
        body[0].read(new byte[10]);
        assertTrue(seen.get(1).orElseThrow().contains("nothing for 20 s"));
    }

    @Test
    void cutsATrickleBelowTheMinimumRateThoughItIsNeverIdle() throws IOException {
        BodyWatch.Watched body = watch.watch(client(1, 1, () -> { }));
        for (int second = 1; second < 20; second++) {
            body.read(new byte[10]);
            assertTrue(watch.verdict(body, now).isEmpty(), "second " + second);
        }
        body.read(new byte[10]);
        assertTrue(watch.verdict(body, now).orElseThrow().contains("below 500 bytes/s"));
    }

    @Test
    void keepsABodyThatKeepsUpTheRateWindowAfterWindow() throws IOException {
        BodyWatch.Watched body = watch.watch(client(1, 600, () -> { }));
        for (int second = 0; second < 100; second++) {
            body.read(new byte[1000]);
            assertTrue(watch.verdict(body, now).isEmpty(), "second " + second);
        }
    }

    /** The finding of a thousand uploads at once: bodies the gateway left unread while it was busy were cut. */
    @Test
    void neverCountsTimeTheGatewaySpentElsewhereAgainstTheClient() throws IOException {
        BodyWatch.Watched body = watch.watch(new ByteArrayInputStream(new byte[100]));
        body.read(new byte[10]);
        now += TimeUnit.SECONDS.toNanos(60); // waiting for admission, writing the spool, delivering
        assertTrue(watch.verdict(body, now).isEmpty());
        assertFalse(watch.cutSlowest(), "not the slowest either: it made the gateway wait for nothing");
        assertEquals(10, body.read(new byte[10]));
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
            } catch (Refused e) {
                reader.complete(e.problem() == ProblemType.REQUEST_BODY_TOO_SLOW && !Thread.currentThread().isInterrupted());
            } catch (IOException e) {
                reader.completeExceptionally(e);
            }
        });
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        now += TimeUnit.SECONDS.toNanos(21);
        watch.check();
        assertTrue(reader.get(10, TimeUnit.SECONDS), "408, and the thread's interrupt taken back");
        assertEquals(0, watch.reading());
        thread.join(10_000);
    }

    @Test
    void cutsTheSlowestBodyBelowTheRateToMakeRoom() throws IOException {
        BodyWatch.Watched fast = watch.watch(client(0.01, 10_000, () -> { }));
        BodyWatch.Watched slow = watch.watch(client(3, 1, () -> { }));
        fast.read(new byte[10_000]);
        slow.read(new byte[10]);
        assertTrue(watch.cutSlowest());
        Refused cut = assertThrows(Refused.class, () -> slow.read(new byte[1]));
        assertEquals(ProblemType.REQUEST_BODY_TOO_SLOW, cut.problem());
        assertEquals(10, fast.read(new byte[10]), "the fast body reads on");
        assertFalse(watch.cutSlowest(), "no other body below the rate");
    }

    @Test
    void givesABodyTimeToGetGoingBeforeItCanBeCutForOthers() throws IOException {
        long grace = BodyWatch.EVICTION_GRACE_NANOS;
        List<Boolean> cut = new ArrayList<>();
        BodyWatch.Watched young = watch.watch(client((grace - 1) / 1e9, 1, () -> cut.add(watch.cutSlowest())));
        young.read(new byte[1]);
        assertEquals(List.of(false), cut);
        BodyWatch.Watched old = watch.watch(client(grace / 1e9, 1, () -> cut.add(watch.cutSlowest())));
        assertThrows(Refused.class, () -> old.read(new byte[1]));
        assertEquals(List.of(false, true), cut);
    }
}
