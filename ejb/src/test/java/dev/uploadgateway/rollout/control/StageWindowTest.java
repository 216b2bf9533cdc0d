package dev.uploadgateway.rollout.control;

import static dev.uploadgateway.rollout.control.Uploads.T0;
import static dev.uploadgateway.rollout.control.Uploads.async;
import static dev.uploadgateway.rollout.control.Uploads.failed;
import static dev.uploadgateway.rollout.control.Uploads.fellBack;
import static dev.uploadgateway.rollout.control.Uploads.record;
import static dev.uploadgateway.rollout.control.Uploads.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.rollout.entity.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StageWindowTest {

    private static final Triggers TRIGGERS = ShippedRules.RULES.triggers();
    private static final long HEAP = 512L << 20;
    private static final RolloutState STAGE_1 = RolloutState.initial(T0, HEAP)
            .withStage(1, 1, true, ControllerState.HOLDING, T0, HEAP);

    private final StageWindow window = new StageWindow(TRIGGERS.recentWindow());

    private Kpis kpis(RolloutState state) {
        return window.kpis(T0.plus(Duration.ofHours(3)), HEAP, state, TRIGGERS);
    }

    @Test
    void countsAFallbackAsAnAsyncFailureButAUserSuccess() {
        record(window, 96, async(800));
        record(window, 3, fellBack(true));
        record(window, 1, fellBack(false));
        Kpis k = kpis(STAGE_1);
        assertEquals(100, k.asyncAttempts());
        assertEquals(0.96, k.asyncSuccess().estimate(), 1e-12);
        assertEquals(0.01, k.asyncError().estimate(), 1e-12, "only the fallback that failed reached the user");
        assertEquals(3, k.fallbackSucceeded());
        assertEquals(Duration.ofHours(3), k.timeInStage());
    }

    @Test
    void judgesTheRecentWindowOnTheLastAsyncOutcomesOnly() {
        record(window, 100, fellBack(false));
        record(window, 1_000, sync(1_000));
        RecentOutcomes recent = null;
        for (int i = 0; i < 100; i++) {
            recent = window.record(async(800));
        }
        assertEquals(new RecentOutcomes(100, 100, 100, 0), recent);
        Kpis k = kpis(STAGE_1);
        assertEquals(1.0, k.recentSuccess().estimate());
        assertEquals(0.5, k.asyncSuccess().estimate(), "the stage still remembers them");
    }

    @Test
    void comparesWithTheStagesOwnSyncUploadsWhenItHasEnough() {
        RolloutState withBaseline = STAGE_1.withBaseline(2_000L, 5_000L);
        record(window, 200, async(800));
        record(window, 150, sync(1_000));
        Kpis k = kpis(withBaseline);
        assertFalse(k.syncFromBaseline());
        assertEquals(1_000, k.syncP95Ms(), 1_000 * 0.004, "within half a histogram bucket");
        assertEquals(0.8, k.p95Ratio(), 0.01);
    }

    @Test
    void comparesWithTheBaselineWhenTheStageHasTooFewSyncUploads() {
        RolloutState withBaseline = STAGE_1.withBaseline(2_000L, 5_000L);
        record(window, 200, async(4_000));
        record(window, 10, sync(1_000));
        Kpis k = kpis(withBaseline);
        assertTrue(k.syncFromBaseline());
        assertEquals(5_000L, k.syncP95Ms());
        assertEquals(2_000L, k.syncP50Ms());
        assertEquals(0.8, k.p95Ratio(), 0.01);
    }

    @Test
    void leavesTheLatencyRatioUnknownUntilBothSidesHaveEnoughSamples() {
        record(window, 99, async(800));
        record(window, 500, sync(1_000));
        Kpis k = kpis(STAGE_1);
        assertEquals(800, k.asyncP95Ms(), 800 * 0.004);
        assertNull(k.p95Ratio());
        assertNull(k.p50Ratio());
    }

    @Test
    void countsOnlyConfiguredCriticalClassesOnTheAsyncPath() {
        window.record(failed(UploadPath.ASYNC, "OutOfMemoryError"));
        window.record(failed(UploadPath.SYNC, "OutOfMemoryError"));
        window.record(failed(UploadPath.ASYNC, "provider-unavailable"));
        window.record(new dev.uploadgateway.rollout.entity.Outcome(UploadPath.SYNC_FALLBACK, true,
                "spool-write-failed", 900, 10, T0));
        assertEquals(Map.of("OutOfMemoryError", 1L, "spool-write-failed", 1L), kpis(STAGE_1).criticalErrors());
    }

    @Test
    void keepsAtMostSixtyFourErrorClassesAndLumpsTheRestTogether() {
        for (int i = 0; i < 1_000; i++) {
            window.record(failed(UploadPath.ASYNC, "class-" + i));
        }
        assertEquals(StageWindow.ERROR_CLASSES + 1, window.asyncErrorsByClass().size());
        assertEquals(1_000 - StageWindow.ERROR_CLASSES, window.asyncErrorsByClass().get("other"));
    }

    @Test
    void measuresHeapGrowthFromTheStageStart() {
        Kpis k = window.kpis(T0, HEAP + HEAP / 4, STAGE_1, TRIGGERS);
        assertEquals(0.25, k.heapGrowth(), 1e-12);
        assertEquals(HEAP, k.heapAtStageStart());
    }

    @Test
    void forgetsEverythingWhenANewStageBegins() {
        record(window, 300, async(800));
        record(window, 300, sync(800));
        window.record(failed(UploadPath.ASYNC, "OutOfMemoryError"));
        window.reset();
        Kpis k = kpis(STAGE_1);
        assertEquals(0, k.asyncAttempts() + k.syncUploads());
        assertEquals(0, k.recentSuccess().trials());
        assertNull(k.asyncP95Ms());
        assertEquals(Map.of(), k.criticalErrors());
    }

    @Test
    void losesNoOutcomeWhenManyThreadsRecordAtOnce() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 25_000; i++) {
                    window.record(i % 2 == 0 ? async(800) : sync(900));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        Kpis k = kpis(STAGE_1);
        assertEquals(50_000, k.asyncUploads());
        assertEquals(50_000, k.syncUploads());
    }

    @Test
    void givesTheSameKpisWhenEightThreadsRecordAsWhenOneDoes() throws InterruptedException {
        List<Outcome> outcomes = mixed(80_000, 40);
        StageWindow sequential = new StageWindow(100_000); // wider than the run: which outcomes are "recent" cannot depend on the order
        outcomes.forEach(sequential::record);
        StageWindow concurrent = new StageWindow(100_000);
        inParallel(8, outcomes, concurrent::record);
        assertEquals(sequential.kpis(T0, HEAP, STAGE_1, TRIGGERS), concurrent.kpis(T0, HEAP, STAGE_1, TRIGGERS));
        assertEquals(sequential.asyncErrorsByClass(), concurrent.asyncErrorsByClass());
    }

    @Test
    void keepsTheErrorClassLimitWhenThreadsRaceForTheLastPlaces() throws InterruptedException {
        List<Outcome> outcomes = mixed(40_000, 500);
        long errors = outcomes.stream().filter(o -> o.triedAsync() && o.errorClass() != null).count();
        inParallel(8, outcomes, window::record);
        Map<String, Long> byClass = window.asyncErrorsByClass();
        assertEquals(StageWindow.ERROR_CLASSES + 1, byClass.size(), "64 classes and other");
        assertEquals(errors, byClass.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void fillsTheRecentWindowExactlyWhenThreadsLapIt() throws InterruptedException {
        inParallel(8, Collections.nCopies(40_000, fellBack(false)), window::record);
        assertEquals(new RecentOutcomes(100, 100, 0, 100), window.record(fellBack(false)));
        inParallel(8, Collections.nCopies(40_000, async(800)), window::record);
        assertEquals(new RecentOutcomes(100, 100, 100, 0), window.record(async(800)));
    }

    @Test
    void readsConsistentKpisWhileThreadsRecord() throws InterruptedException {
        AtomicBoolean recording = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (int i = 1; recording.get(); i++) {
                    Kpis k = kpis(STAGE_1); // Wilson refuses more successes than trials
                    assertTrue(k.asyncSucceeded() <= k.asyncUploads() && k.syncSucceeded() <= k.syncUploads()
                            && k.fallbackSucceeded() <= k.fallbackUploads());
                    if (i % 50 == 0) {
                        window.reset();
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        reader.start();
        inParallel(4, mixed(200_000, 40), window::record);
        recording.set(false);
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(reader.isAlive());
        assertNull(failure.get(), () -> "a reading failed: " + failure.get());
    }

    /** {@code n} outcomes on every path, succeeding and failing with {@code classes} error classes, durations spread. */
    private static List<Outcome> mixed(int n, int classes) {
        SplittableRandom random = new SplittableRandom(7);
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UploadPath path = UploadPath.values()[random.nextInt(UploadPath.values().length)];
            boolean ok = random.nextInt(10) > 0;
            int c = random.nextInt(classes);
            String errorClass = ok && path != UploadPath.SYNC_FALLBACK ? null : c == 0 ? "spool-write-failed" : "class-" + c;
            outcomes.add(new Outcome(path, ok, errorClass, random.nextLong(1, 600_000), 1_000, T0));
        }
        return outcomes;
    }

    /** Records {@code outcomes} split among {@code threads}, each taking every n-th. */
    private static void inParallel(int threads, List<Outcome> outcomes, Consumer<Outcome> record)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int first = t;
            pool.execute(() -> {
                awaitQuietly(start);
                for (int i = first; i < outcomes.size(); i += threads) {
                    record.accept(outcomes.get(i));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
