package dev.uploadgateway.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A closed loop: {@code concurrency} lanes, each sending its next upload as soon as the previous
 * one is answered, until {@code total} were sent or {@code issueLimit} has passed; then it waits
 * for what is still in flight, at most {@code drainLimit}. A fresh HTTP/1.1 client per run, so no
 * connection outlives its cell. {@code atHalfway} runs once, on its own thread, when half of the
 * requests have been answered or half the issue time has passed, whichever comes first: the moment
 * the gateway's live heap is probed.
 */
public final class LoadGenerator {

    private final ExecutorService lanes = Executors.newFixedThreadPool(4, daemon("load-lane"));
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(daemon("load-probe"));

    public LoadResult run(Supplier<HttpRequest> requests, long fileBytes, int concurrency, int total,
                          Duration issueLimit, Duration drainLimit, Runnable atHalfway) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Loop loop = new Loop(client, requests, new Tally(fileBytes, total), total,
                System.nanoTime() + issueLimit.toNanos(), new CountDownLatch(concurrency), atHalfway);
        long start = System.nanoTime();
        ScheduledFuture<?> byTime = probes.schedule(loop::halfway, issueLimit.toMillis() / 2, TimeUnit.MILLISECONDS);
        for (int lane = 0; lane < concurrency; lane++) {
            loop.next();
        }
        boolean drained = loop.lanesDone.await(issueLimit.plus(drainLimit).toMillis(), TimeUnit.MILLISECONDS);
        byTime.cancel(false);
        awaitProbe(loop.probe.get());
        return loop.tally.result(start, loop.inFlightAtHalfway.get(), drained);
    }

    private final class Loop {
        final HttpClient client;
        final Supplier<HttpRequest> requests;
        final Tally tally;
        final int total;
        final long issueDeadline;
        final CountDownLatch lanesDone;
        final Runnable atHalfway;
        final AtomicInteger issued = new AtomicInteger();
        final AtomicBoolean halfway = new AtomicBoolean();
        final AtomicInteger inFlightAtHalfway = new AtomicInteger(-1);
        final AtomicReference<Future<?>> probe = new AtomicReference<>();

        Loop(HttpClient client, Supplier<HttpRequest> requests, Tally tally, int total, long issueDeadline,
             CountDownLatch lanesDone, Runnable atHalfway) {
            this.client = client;
            this.requests = requests;
            this.tally = tally;
            this.total = total;
            this.issueDeadline = issueDeadline;
            this.lanesDone = lanesDone;
            this.atHalfway = atHalfway;
        }

        void next() {
            if (issued.getAndIncrement() >= total || System.nanoTime() > issueDeadline) {
                lanesDone.countDown();
                return;
            }
            long sentAt = System.nanoTime();
            tally.sent();
            HttpRequest request;
            try {
                request = requests.get();
            } catch (RuntimeException e) {
                tally.add(Outcome.failed(e, 0), sentAt);
                lanesDone.countDown();
                return;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenCompleteAsync((response, failure) -> {
                        long now = System.nanoTime();
                        tally.add(failure == null ? Outcome.answered(response.statusCode(), response.body(), now - sentAt)
                                : Outcome.failed(failure, now - sentAt), now);
                        if (tally.completed() * 2 >= total) {
                            halfway();
                        }
                        next();
                    }, lanes);
        }

        void halfway() {
            if (halfway.compareAndSet(false, true)) {
                inFlightAtHalfway.set(tally.inFlight());
                probe.set(probes.submit(atHalfway));
            }
        }
    }

    /** One request on its own, e.g. a canary upload that shows the gateway still delivers. */
    public Outcome once(HttpRequest request) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Outcome.answered(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (java.io.IOException e) {
            return Outcome.failed(e, System.nanoTime() - start);
        }
    }

    /** The cell's figures are read only after the halfway probe has finished. */
    private static void awaitProbe(Future<?> probe) throws InterruptedException {
        if (probe == null) {
            return;
        }
        try {
            probe.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            probe.cancel(true);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
