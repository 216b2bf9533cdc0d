package dev.uploadgateway.rollout.boundary;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.rollout.control.HistoryBuckets;
import dev.uploadgateway.rollout.control.PathComparison;
import dev.uploadgateway.rollout.control.RolloutController;
import dev.uploadgateway.rollout.control.RolloutDecider;
import dev.uploadgateway.rollout.control.RolloutEventsCsv;
import dev.uploadgateway.rollout.control.RolloutTrail;
import dev.uploadgateway.rollout.entity.Comparison;
import dev.uploadgateway.rollout.entity.RolloutRefused;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.RolloutView;
import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.UploadHistory;
import dev.uploadgateway.upload.boundary.FinishedUploads;
import dev.uploadgateway.upload.entity.FinishedUpload;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What callers may ask of the rollout and do to it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RolloutService {

    private static final int COMPARISON_WINDOW = 10_000;
    private static final int HISTORY_MAX_MINUTES = 7 * 24 * 60;
    private static final int HISTORY_MAX_BUCKETS = 1_440;
    /** Projections of about 50 bytes each: a few MB per request, whatever the traffic. */
    private static final int HISTORY_MAX_UPLOADS = 100_000;

    @Inject
    RolloutDecider decider;
    @Inject
    RolloutController controller;
    @Inject
    RolloutTrail trail;
    @Inject
    FinishedUploads uploads;

    public RolloutSettings settings() {
        return decider.current();
    }

    public RolloutView view() {
        RolloutSettings settings = decider.current();
        RolloutState state = controller.position();
        Schedule schedule = controller.rules().schedule();
        StagePlan plan = schedule.plan(state.stageIndex());
        Optional<StagePlan> next = schedule.next(state.stageIndex());
        List<Double> percents = schedule.plans().stream().map(StagePlan::percent).toList();
        return new RolloutView(state.stageIndex(), settings.percent(), percents, settings.asyncEnabled(),
                settings.fallback(), settings.stickinessHeader(), state.controllerState(), state.paused(), state.stageStartedAt(),
                next.map(StagePlan::index).orElse(null), next.map(StagePlan::percent).orElse(null),
                controller.rules().autoPromote(), plan.criteria(), controller.rules().triggers(), controller.kpis(),
                state.lastEvaluation(), controller.node(), controller.leader(), controller.nodes(), plan.gate(),
                plan.maxDuration().isZero() ? null : plan.maxDuration().toSeconds(),
                controller.rules().windows().text(), controller.nextWindow().orElse(null));
    }

    /**
     * Operators' moves, signed with the caller's authenticated name; {@code expectedStage} (may be
     * null) refuses a move when the rollout is no longer at the stage the operator saw (409).
     */
    public Transition promote(String by, Integer expectedStage) {
        return refusedAsConflict(() -> controller.promote(by, expectedStage));
    }

    /** Lets the stage waiting at its manual gate move on (409 when none waits). */
    public Transition approve(String by, Integer expectedStage) {
        return refusedAsConflict(() -> controller.approve(by, expectedStage));
    }

    public Transition rollback(String by, Integer expectedStage) {
        return refusedAsConflict(() -> controller.rollback(by, expectedStage));
    }

    public Transition pause(String by, Integer expectedStage) {
        return refusedAsConflict(() -> controller.pause(by, expectedStage));
    }

    public Transition resume(String by, Integer expectedStage) {
        return refusedAsConflict(() -> controller.resume(by, expectedStage));
    }

    public RolloutView evaluate() {
        controller.evaluate();
        return view();
    }

    /** Audit records, newest first. */
    public List<JsonObject> events(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new Refused(ProblemType.INVALID_PAGE,
                    "offset must be 0 or more and limit from 1 to 500; got offset " + offset + ", limit " + limit + ".");
        }
        return trail.newest(offset, limit);
    }

    public void exportEventsCsv(Writer out) {
        RolloutEventsCsv.write(trail.all(), out);
    }

    /** Async against sync per provider, from the newest finished uploads. */
    public Comparison.Report comparison() {
        return PathComparison.of(uploads.newest(COMPARISON_WINDOW));
    }

    /** Finished uploads per path in time buckets over the last {@code minutes}, for charts. */
    public UploadHistory history(int minutes, int bucketSeconds) {
        Duration span = Duration.ofMinutes(minutes);
        Duration bucket = Duration.ofSeconds(bucketSeconds);
        if (minutes < 1 || minutes > HISTORY_MAX_MINUTES || bucketSeconds < 1
                || HistoryBuckets.count(span, bucket) > HISTORY_MAX_BUCKETS) {
            throw new Refused(ProblemType.INVALID_HISTORY,
                    "minutes must be from 1 to " + HISTORY_MAX_MINUTES + " and bucketSeconds at least 1, with at most "
                            + HISTORY_MAX_BUCKETS + " buckets; got minutes " + minutes + ", bucketSeconds "
                            + bucketSeconds + ".");
        }
        Instant now = Instant.now();
        List<FinishedUpload> finished = uploads.between(HistoryBuckets.from(now, span, bucket),
                HistoryBuckets.to(now, bucket), HISTORY_MAX_UPLOADS);
        return HistoryBuckets.of(finished, now, span, bucket, finished.size() == HISTORY_MAX_UPLOADS);
    }

    private static Transition refusedAsConflict(Supplier<Transition> action) {
        try {
            return action.get();
        } catch (IllegalStateException e) {
            throw new RolloutRefused(e.getMessage());
        }
    }
}
