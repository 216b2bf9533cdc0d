package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool a forwarded attempt reads while the request thread writes it. */
class LiveSpoolTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Spool spool() {
        Spool spool = new Spool();
        spool.settings = new UploadSettings();
        spool.settings.spoolDir = dir.toString();
        return spool;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    /** A follower on its own thread, collecting what it was given. */
    private static CompletableFuture<byte[]> follow(LiveSpool live) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                live.writeTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** A body that hands out {@code bytes} in pieces, waiting for {@code gate} halfway. */
    private static InputStream halting(byte[] bytes, CountDownLatch gate) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == bytes.length / 2) {
                    try {
                        gate.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 10_000), (at < bytes.length / 2 ? bytes.length / 2 : bytes.length) - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void theFollowerGetsEveryByteAndEndsOnlyOnceReleased() {
        assertTimeoutPreemptively(BOUND, () -> {
            byte[] body = random(300_000);
            LiveSpool live = spool().openLive(body.length);
            CompletableFuture<byte[]> followed = follow(live);
            live.copy(new ByteArrayInputStream(body));
            Spool.Written written = live.finish(false);
            assertEquals(body.length, written.bytes());
            assertEquals(Spool.sha256(body), written.sha256());
            Thread.sleep(200);
            assertFalse(followed.isDone(), "the body may not end before the upload is taken on");
            live.release();
            assertArrayEquals(body, followed.get());
            assertArrayEquals(body, Files.readAllBytes(live.file()), "the spool holds the same bytes for retries");
        });
    }

    @Test
    void theFollowerSendsWhileTheBodyIsStillArriving() {
        assertTimeoutPreemptively(BOUND, () -> {
            byte[] body = random(200_000);
            CountDownLatch secondHalf = new CountDownLatch(1);
            LiveSpool live = spool().openLive(-1);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            CountDownLatch halfSent = new CountDownLatch(1);
            CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
                try {
                    live.writeTo(new java.io.OutputStream() {
                        @Override
                        public void write(int b) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            sent.write(b, off, len);
                            if (sent.size() >= body.length / 2) {
                                halfSent.countDown();
                            }
                        }
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return live.copy(halting(body, secondHalf));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(halfSent.await(10, TimeUnit.SECONDS), "the first half went out before the second arrived");
            secondHalf.countDown();
            assertEquals(body.length, reader.get());
            live.finish(false);
            live.release();
            follower.get();
            assertArrayEquals(body, sent.toByteArray());
        });
    }

    @Test
    void anAbortedBodyFailsTheFollowerAndReleasingAfterwardsChangesNothing() {
        assertTimeoutPreemptively(BOUND, () -> {
            LiveSpool live = spool().openLive(-1);
            CompletableFuture<byte[]> followed = follow(live);
            live.copy(new ByteArrayInputStream(random(1000)));
            assertTrue(live.abort("the client went away"));
            live.release();
            ExecutionException failed = assertThrows(ExecutionException.class, followed::get);
            assertTrue(failed.getCause().getMessage().contains("the client went away"), failed.getCause().getMessage());
            assertEquals("the client went away", live.aborted());
        });
    }

    @Test
    void aReleasedBodyCannotBeAborted() throws Exception {
        LiveSpool live = spool().openLive(3);
        live.copy(new ByteArrayInputStream(new byte[]{1, 2, 3}));
        live.finish(false);
        live.release();
        assertFalse(live.abort("too late"));
        assertNull(live.aborted());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        live.writeTo(out);
        assertArrayEquals(new byte[]{1, 2, 3}, out.toByteArray(), "a follower that starts late still gets it all");
    }

    @Test
    void aBodyShorterThanPredictedStopsTheFollowerAtItsEnd() throws Exception {
        LiveSpool live = spool().openLive(10);
        live.copy(new ByteArrayInputStream(new byte[8]));
        Spool.Written written = live.finish(false);
        assertEquals(8, written.bytes(), "the upload itself is still taken");
        assertNotNull(live.aborted());
        assertThrows(IOException.class, () -> live.writeTo(new ByteArrayOutputStream()));
    }

    @Test
    void aFollowerNeverSendsMoreThanPredicted() {
        assertTimeoutPreemptively(BOUND, () -> {
            LiveSpool live = spool().openLive(100);
            live.copy(new ByteArrayInputStream(new byte[150]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThrows(IOException.class, () -> live.writeTo(out));
            assertTrue(out.size() <= 100, "sent " + out.size());
            assertNotNull(live.aborted(), "the overrun is the gateway's own stop, so the upload goes by the spool");
        });
    }
}
