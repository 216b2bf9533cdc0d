package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.rollout.entity.Verdict;
import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Drives the rollout's brain on a virtual clock as the server will: every finished upload is
 * recorded and, if it went async, checked against the triggers at once; a full evaluation runs
 * every evaluation interval and whenever that check raises an alarm. Uploads arrive evenly spaced.
 * With several nodes, uploads go round-robin (as nginx sends them), each node counts its own in its
 * stage window, and node 0 leads as the controller does: it evaluates on every node's shares added
 * up, at once on its own alarm, and at its next heartbeat (every second) on another node's alarm
 * or when the nodes' recent windows together cross a trigger. The virtual clock is the machine's, so
 * promotion windows and stage limits apply as on the server; an operator may approve manual gates
 * after a delay ({@link #approvingAfter}).
 */
final class Replay {

    static final long HEAP = 256L << 20;
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    final RolloutMachine machine;
    final List<Transition> transitions = new ArrayList<>();
    final long[] verdicts = new long[Verdict.values().length];
    final Map<Verdict, Instant> firstVerdicts = new EnumMap<>(Verdict.class);
    long asyncUploads;
    long uploads;
    long asyncUploadsAtRollback = -1;
    Evaluation lastEvaluation;
    private final RolloutRules rules;
    private final Triggers triggers;
    private final StageWindow[] windows;
    private final StageWindow window;
    private long nextBeatMs;
    private boolean alarmAtBeat;
    private final SplittableRandom random;
    private final long intervalMs;
    private double[] spread;
    private long nowMs = START.toEpochMilli();
    private long nextEvaluationMs;
    private double percent;
    private boolean asyncEnabled;
    private boolean finished;
    /** How long after a manual gate's notice an operator approves it; null: nobody does. */
    private Duration approvalDelay;
    private long approveAtMs = Long.MAX_VALUE;

    Replay(RolloutRules rules, RolloutState start, long seed) {
        this(rules, start, seed, 1);
    }

    Replay(RolloutRules rules, RolloutState start, long seed, int nodes) {
        this.rules = rules;
        this.triggers = rules.triggers();
        this.machine = new RolloutMachine(rules.schedule(), rules.windows(), start);
        this.windows = new StageWindow[nodes];
        for (int n = 0; n < nodes; n++) {
            windows[n] = new StageWindow(triggers.recentWindow());
        }
        this.window = windows[0];
        this.random = new SplittableRandom(seed);
        this.intervalMs = rules.evaluationInterval().toMillis();
        this.nextEvaluationMs = nowMs + intervalMs;
        follow(start);
    }

    /** An operator who approves every manual gate {@code delay} after it was reached. */
    Replay approvingAfter(Duration delay) {
        this.approvalDelay = delay;
        return this;
    }

    static RolloutState atStage(RolloutRules rules, int index) {
        RolloutState initial = RolloutState.initial(START, HEAP);
        return initial.withStage(index, rules.schedule().plan(index).percent(), index > 0, ControllerState.HOLDING,
                START, HEAP);
    }

    /** Plays {@code traffic} for {@code length} of virtual time, or until the rollout completes or rolls back. */
    Replay play(Traffic traffic, Duration length) {
        long endMs = nowMs + length.toMillis();
        long stepMs = Math.max(1, Math.round(3_600_000 / traffic.uploadsPerHour()));
        spread = LogNormal.factors(traffic.sigma());
        while (nowMs + stepMs <= endMs && !finished()) {
            nowMs += stepMs;
            if (nowMs >= approveAtMs && !finished()) {
                approveAtMs = Long.MAX_VALUE;
                apply(machine.approve(Actor.OPERATOR, Instant.ofEpochMilli(nowMs), HEAP));
            }
            while (nextEvaluationMs <= nowMs && !finished()) {
                evaluate(nextEvaluationMs);
                nextEvaluationMs += intervalMs;
            }
            if (!finished()) {
                upload(traffic);
            }
        }
        return this;
    }

    /** Whether the rollout completed or rolled back; kept in a field as the loop asks after every upload. */
    boolean finished() {
        return finished;
    }

    long count(Verdict verdict) {
        return verdicts[verdict.ordinal()];
    }

    private void upload(Traffic traffic) {
        StageWindow node = windows[(int) (uploads % windows.length)];
        uploads++;
        Instant at = Instant.ofEpochMilli(nowMs);
        if (asyncEnabled && random.nextDouble() * 100 < percent) {
            asyncUploads++;
            Outcome outcome;
            if (random.nextDouble() < traffic.asyncSuccess()) {
                outcome = new Outcome(UploadPath.ASYNC, true, null, latency(traffic.asyncMedianMs()), 0, at);
            } else {
                boolean rescued = random.nextDouble() < traffic.fallbackRescue();
                outcome = new Outcome(UploadPath.SYNC_FALLBACK, rescued, "provider-unavailable", 30_000, 0, at);
            }
            RecentOutcomes recent = node.record(outcome);
            if (StageEvaluator.alarmed(outcome, recent, triggers)) {
                if (node == window) {
                    evaluate(nowMs);
                } else {
                    alarmAtBeat = true; // the leader hears of it with the node's next heartbeat
                }
            }
        } else {
            boolean ok = random.nextDouble() < traffic.syncSuccess();
            node.record(new Outcome(UploadPath.SYNC, ok, ok ? null : "provider-unavailable",
                    latency(traffic.syncMedianMs()), 0, at));
        }
        if (windows.length > 1 && nowMs >= nextBeatMs && !finished()) {
            nextBeatMs = nowMs + 1_000;
            if (alarmAtBeat || mayCross() && TriggerCheck.recentCrossed(recentTogether(), triggers)) {
                alarmAtBeat = false;
                evaluate(nowMs);
            }
        }
    }

    /**
     * Whether the nodes' latest shares could cross a trigger, judged in constant time from their
     * whole rings: a share holds at most its ring's errors and misses at most its ring's
     * non-deliveries, and a trigger crossed on fewer errors or more deliveries is crossed on these.
     * Only then are the shares counted, which the replay would otherwise do after every upload.
     */
    private boolean mayCross() {
        int share = window.share(windows.length);
        long trials = 0;
        long successes = 0;
        long errors = 0;
        for (StageWindow w : windows) {
            RecentOutcomes r = w.recent(List.of());
            long t = Math.min(share, r.trials()); // exactly the share's trials
            trials += t;
            successes += t - Math.min(t, r.trials() - r.successes());
            errors += Math.min(t, r.errors());
        }
        return TriggerCheck.recentCrossed(new RecentOutcomes(triggers.recentWindow(), trials, successes, errors),
                triggers);
    }

    /** Every node's recent window added up, as the leader reads them from the heartbeats. */
    private RecentOutcomes recentTogether() {
        long trials = 0;
        long successes = 0;
        long errors = 0;
        int share = window.share(windows.length);
        for (StageWindow w : windows) {
            RecentOutcomes r = w.latest(share);
            trials += r.trials();
            successes += r.successes();
            errors += r.errors();
        }
        return new RecentOutcomes(triggers.recentWindow(), trials, successes, errors);
    }

    /** The other nodes' shares of the stage, as they publish them. */
    private List<TallyFigures> others() {
        List<TallyFigures> shares = new ArrayList<>(windows.length - 1);
        for (int n = 1; n < windows.length; n++) {
            shares.add(windows[n].figures(machine.state(), windows.length));
        }
        return shares;
    }

    private long latency(double medianMs) {
        return Math.round(medianMs * spread[random.nextInt(LogNormal.STEPS)]);
    }

    private void evaluate(long atMs) {
        Instant at = Instant.ofEpochMilli(atMs);
        RolloutState state = machine.state();
        Evaluation e = StageEvaluator.evaluate(window.kpis(at, HEAP, state, triggers, others()),
                rules.schedule().plan(state.stageIndex()), triggers, at, state.reviewSince());
        verdicts[e.verdict().ordinal()]++;
        firstVerdicts.putIfAbsent(e.verdict(), at);
        lastEvaluation = e;
        machine.onEvaluation(e, true, HEAP, at).ifPresent(this::apply);
    }

    private void apply(Transition transition) {
        transitions.add(transition);
        if (transition.action().equals("gate") && approvalDelay != null) {
            approveAtMs = transition.at().toEpochMilli() + approvalDelay.toMillis();
        }
        if (transition.action().equals("rollback")) {
            asyncUploadsAtRollback = asyncUploads;
        }
        if (transition.startsStage()) {
            for (StageWindow w : windows) {
                w.reset();
            }
        }
        follow(machine.state());
    }

    private void follow(RolloutState state) {
        percent = state.percent();
        asyncEnabled = state.asyncEnabled();
        finished = state.controllerState() == ControllerState.COMPLETE || state.controllerState() == ControllerState.ROLLED_BACK
                || state.paused(); // only an operator moves a paused rollout, and the replay has none but the approver
    }
}
