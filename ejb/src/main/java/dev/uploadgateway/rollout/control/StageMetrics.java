package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The rollout's KPIs as MicroProfile Metrics (application scope, Prometheus text at
 * {@code /metrics?scope=application}): every finished upload counted once by path, stage,
 * provider, outcome and error class, with bytes, duration (histogram buckets configured in
 * microprofile-config.properties, so latency compares across paths and nodes) and attempts; and
 * gauges of the current stage read from the controller at scrape time.
 */
@ApplicationScoped
public class StageMetrics {

    @Inject
    MetricRegistry registry;
    @Inject
    RolloutController controller;

    /** The four metrics of one combination of tags, looked up once and then only incremented. */
    private record Series(Counter uploads, Counter bytes, Timer duration, Histogram attempts) {
    }

    private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

    private static final long KPIS_FRESH_NANOS = 500_000_000L;

    private record Scraped(Kpis kpis, long at) {
    }

    private volatile Scraped scraped;

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFinished finished) {
        Upload u = finished.upload();
        List<String> tags = List.of(u.getPath().label(), String.valueOf(controller.position().stageIndex()),
                u.getProvider(), finished.success() ? "success" : "failure",
                u.getFailureClass() == null ? "none" : u.getFailureClass());
        Series s = series.get(tags);
        if (s == null) {
            s = create(tags);
        }
        s.uploads().inc();
        s.bytes().inc(u.getBytes());
        s.duration().update(Duration.ofMillis(u.getDurationMs()));
        s.attempts().update(u.getAttempts());
    }

    // synchronized: Payara's registry threw ConcurrentModificationException creating tagged metrics
    // concurrently; creation happens once per combination of tags, counting itself takes no lock.
    private synchronized Series create(List<String> tags) {
        return series.computeIfAbsent(tags, t -> {
            Tag path = new Tag("path", t.get(0));
            Tag stage = new Tag("stage", t.get(1));
            Tag provider = new Tag("provider", t.get(2));
            Tag outcome = new Tag("outcome", t.get(3));
            Tag error = new Tag("error_class", t.get(4));
            return new Series(
                    registry.counter(meta("uploads", "Finished uploads", MetricUnits.NONE), path, stage, provider, outcome, error),
                    registry.counter(meta("upload_bytes", "Bytes of finished uploads", MetricUnits.BYTES),
                            path, stage, provider, outcome),
                    registry.timer(meta("upload_duration", "Time from request to the provider's answer", MetricUnits.SECONDS),
                            path, stage, provider, outcome),
                    registry.histogram(meta("upload_attempts", "Delivery attempts per upload", MetricUnits.NONE),
                            path, stage, provider));
        });
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("rollout_stage", "Current stage index (0 = baseline)", c -> c.position().stageIndex());
        gauge("rollout_percent", "Share of stickiness keys on the async path", c -> c.position().asyncEnabled()
                ? c.position().percent() : 0);
        gauge("rollout_controller_state", "HOLDING=0 READY_TO_PROMOTE=1 REVIEW=2 ROLLED_BACK=3 PAUSED=4 COMPLETE=5"
                + " AWAITING_APPROVAL=6 WAITING_FOR_WINDOW=7",
                c -> c.position().controllerState().ordinal());
        kpi("rollout_stage_success_rate", "Async success rate in the current stage", k -> k.asyncSuccess().estimate());
        kpi("rollout_stage_error_rate", "Async error rate in the current stage", k -> k.asyncError().estimate());
        kpi("rollout_async_p50_latency_ratio", "Async p50 latency over the sync baseline",
                k -> k.p50Ratio() == null ? Double.NaN : k.p50Ratio());
        kpi("rollout_async_p95_latency_ratio", "Async p95 latency over the sync baseline",
                k -> k.p95Ratio() == null ? Double.NaN : k.p95Ratio());
        kpi("rollout_stage_uploads", "Uploads seen in the current stage",
                k -> k.asyncAttempts() + k.syncUploads());
        kpi("rollout_stage_seconds", "Time in the current stage", k -> k.timeInStage().toSeconds());
        kpi("rollout_stage_heap_ratio", "Heap now over heap when the stage began", k -> 1 + k.heapGrowth());
    }

    private void gauge(String name, String description, ToDoubleFunction<RolloutController> read) {
        registry.gauge(meta(name, description, MetricUnits.NONE), controller, read::applyAsDouble);
    }

    private void kpi(String name, String description, ToDoubleFunction<Kpis> read) {
        registry.gauge(meta(name, description, MetricUnits.NONE), controller, c -> read.applyAsDouble(kpis(c)));
    }

    /** The stage's KPIs, computed once for all the gauges of one scrape (each merges every node's share). */
    private Kpis kpis(RolloutController c) {
        Scraped last = scraped;
        long now = System.nanoTime();
        if (last == null || now - last.at() > KPIS_FRESH_NANOS) {
            last = new Scraped(c.kpis(), now);
            scraped = last;
        }
        return last.kpis();
    }

    private static Metadata meta(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
