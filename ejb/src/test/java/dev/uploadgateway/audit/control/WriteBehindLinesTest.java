package dev.uploadgateway.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindLinesTest {

    private static final Duration SOON = Duration.ofMillis(5);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void keepsEveryLineWholeAndInOrderPerThreadWhenEightThreadsAppend() throws Exception {
        JsonLines file = new JsonLines(dir.resolve("upload-events.jsonl"), false);
        WriteBehindLines lines = new WriteBehindLines(file, 8_192, SOON, Thread::new);
        lines.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.execute(() -> {
                await(go);
                for (int i = 0; i < 1_000; i++) {
                    lines.append("{\"thread\":" + thread + ",\"seq\":" + i + ",\"pad\":\"" + "x".repeat(i % 300) + "\"}");
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        lines.close();

        assertEquals(0, lines.lost());
        assertEquals(8_000, Files.readAllLines(file.file(), StandardCharsets.UTF_8).size(), "one line per record");
        List<JsonObject> records = file.all();
        assertEquals(8_000, records.size(), "every line whole");
        int[] next = new int[8];
        for (JsonObject r : records) {
            int thread = r.getInt("thread");
            assertEquals(next[thread]++, r.getInt("seq"), "in order for thread " + thread);
        }
    }

    @Test
    void appendsPromptlyAndDropsAndCountsWhileTheWriterIsStalled() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        WriteBehindLines lines = new WriteBehindLines("stalled", batch -> {
            writing.countDown();
            await(release); // a disk that hangs
            written.addAll(batch);
        }, 100, SOON, Thread::new);
        lines.start();
        assertTrue(lines.append("{\"n\":0}"));
        assertTrue(writing.await(10, TimeUnit.SECONDS), "the writer took the first line and hangs on it");

        List<Boolean> accepted = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> IntStream.range(1, 10_000).mapToObj(n -> lines.append("{\"n\":" + n + "}")).toList(),
                "an append never waits for the writer");
        assertEquals(99, accepted.stream().filter(a -> a).count(), "the queue holds 100 lines not yet written");
        assertEquals(9_900, lines.lost(), "every line beyond them is counted");
        assertEquals(100, lines.unwritten());

        release.countDown();
        lines.close();
        assertEquals(IntStream.range(0, 100).mapToObj(n -> "{\"n\":" + n + "}").toList(), written);
        assertEquals(0, lines.unwritten());
    }

    @Test
    void writesWhatIsQueuedOnClose() {
        List<List<String>> batches = new ArrayList<>();
        WriteBehindLines lines = new WriteBehindLines("closing", batches::add, 10_000, NEVER, Thread::new);
        lines.start();
        List<String> appended = IntStream.range(0, 3_000).mapToObj(n -> "{\"n\":" + n + "}").toList();
        appended.forEach(lines::append);
        assertEquals(List.of(), batches, "the writer sleeps for an hour");

        lines.close(Duration.ofSeconds(10));

        assertEquals(appended, batches.stream().flatMap(List::stream).toList());
        assertEquals(List.of(1_024, 1_024, 952), batches.stream().map(List::size).toList(), "one write per batch");
    }

    @Test
    void writesAtOnceALineThatComesAfterClose() {
        List<String> written = new ArrayList<>();
        WriteBehindLines lines = new WriteBehindLines("closed", written::addAll, 10, NEVER, Thread::new);
        lines.start();
        lines.close(Duration.ofSeconds(10));
        lines.append("{\"late\":true}");
        assertEquals(List.of("{\"late\":true}"), written);
    }

    @Test
    void countsTheLinesOfAFailedWriteAndKeepsWriting() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean(true);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        Consumer<List<String>> sink = batch -> {
            if (diskFull.get()) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            written.addAll(batch);
        };
        WriteBehindLines lines = new WriteBehindLines("full", sink, 100, SOON, Thread::new);
        lines.start();
        for (int i = 0; i < 10; i++) {
            lines.append("{\"lost\":" + i + "}");
        }
        waitUntil(() -> lines.lost() == 10 && lines.unwritten() == 0);
        diskFull.set(false);
        lines.append("{\"kept\":true}");
        waitUntil(() -> written.size() == 1);
        lines.close();
        assertEquals(List.of("{\"kept\":true}"), written);
        assertEquals(10, lines.lost());
    }

    @Test
    void refusesALineWithALineBreakBeforeQueueingIt() {
        WriteBehindLines lines = new WriteBehindLines("strict", batch -> { }, 10, NEVER, Thread::new);
        assertThrows(IllegalArgumentException.class, () -> lines.append("{\"a\":\n1}"));
        assertEquals(0, lines.unwritten());
        lines.close();
        assertFalse(lines.lost() > 0);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
