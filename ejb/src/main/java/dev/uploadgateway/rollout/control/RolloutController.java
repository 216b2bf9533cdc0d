package dev.uploadgateway.rollout.control;

import dev.uploadgateway.configuration.control.ConfigKeys;
import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.StoredRollout;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadFinished;
import dev.uploadgateway.upload.entity.UploadPath;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Runs the rollout on the server: feeds every finished upload to the stage window, checks the
 * rollback triggers after each async outcome (so a regression is caught within uploads, not
 * minutes), evaluates the stage on a schedule and on demand, applies operators' actions, adopts a
 * rollout value changed in the configuration, and stores and audits every move.
 */
@ApplicationScoped
public class RolloutController {

    private static final Logger LOG = Logger.getLogger(RolloutController.class.getName());

    @Inject
    Config config;
    @Inject
    RolloutStateStore store;
    @Inject
    RolloutTrail trail;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private RolloutRules rules;
    private RolloutMachine machine;
    private StageWindow window;
    private ScheduledFuture<?> ticks;
    /**
     * What every upload reads: the state and the two config values it was adopted from, replaced as a
     * whole under the lock after every move and read without it, so the per-request path never waits
     * on the controller (the benchmark found every request thread queued on this lock at c = 1000).
     */
    private volatile Snapshot current;

    /** When a changed rollout switch in the configuration is adopted. */
    private final ConfigAdoption adoption = new ConfigAdoption(System::nanoTime);
    private final BadValueWarning warnings = new BadValueWarning();

    private record Snapshot(RolloutState state, Boolean configEnabled, Double configPercent) {
        boolean adopted(boolean enabled, double percent) {
            return configEnabled != null && configEnabled == enabled && configPercent != null && configPercent == percent;
        }
    }

    @PostConstruct
    void start() {
        rules = ScheduleConfig.read(key -> config.getOptionalValue(key, String.class));
        Optional<StoredRollout> stored = store.load();
        machine = new RolloutMachine(rules.schedule(),
                stored.map(StoredRollout::state).orElseGet(() -> RolloutState.initial(Instant.now(), Heap.used())));
        current = new Snapshot(machine.state(), stored.map(StoredRollout::configEnabled).orElse(null),
                stored.map(StoredRollout::configPercent).orElse(null));
        window = new StageWindow(rules.triggers().recentWindow());
        follow(true); // a value set at startup is in force before the first request
        long interval = rules.evaluationInterval().toMillis();
        ticks = scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Created with the application, not on first use, so the schedule runs from the start. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        position();
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /**
     * The rollout's position for the next decision, after adopting a changed configuration value
     * when {@link ConfigAdoption} says so. Lock-free unless a configuration value differs from the one
     * last adopted (rare: an operator's change), in which case the adoption runs under the lock and is
     * checked again there.
     */
    public RolloutState position() {
        return follow(false);
    }

    private RolloutState follow(boolean starting) {
        Snapshot seen = current;
        ConfigAdoption.Reading read = read(seen);
        if (seen.adopted(read.enabled(), read.percent())) {
            adoption.unchanged();
            return seen.state();
        }
        if (!adoption.adoptNow(read, seen.configEnabled(), seen.configPercent(), starting)) {
            return seen.state();
        }
        return adopt(read.enabled(), read.percent());
    }

    /** The two switches; a key no source sets, or one set to a bad value, reads as last adopted. */
    private ConfigAdoption.Reading read(Snapshot seen) {
        ConfigValue enabled = config.getConfigValue(ConfigKeys.ASYNC_ENABLED);
        ConfigValue percent = config.getConfigValue(ConfigKeys.ASYNC_ROLLOUT);
        return new ConfigAdoption.Reading(
                readBoolean(ConfigKeys.ASYNC_ENABLED, enabled.getValue(), seen.configEnabled() == null ? false : seen.configEnabled()),
                readPercent(percent.getValue(), seen.configPercent() == null ? 0 : seen.configPercent()),
                explicit(enabled), explicit(percent));
    }

    /** Set by a source above the packaged defaults (microprofile-config.properties, ordinal 100). */
    private static boolean explicit(ConfigValue value) {
        return value.getValue() != null && value.getSourceOrdinal() > 100;
    }

    private synchronized RolloutState adopt(boolean enabled, double percent) {
        if (!current.adopted(enabled, percent)) {
            machine.adoptConfig(enabled, percent, Instant.now(), Heap.used()).ifPresent(this::moved);
            save(enabled, percent);
        }
        return current.state();
    }

    public RolloutRules rules() {
        return rules;
    }

    /** The current stage's evidence, as an evaluation would see it now. */
    public Kpis kpis() {
        return window.kpis(Instant.now(), Heap.used(), current.state(), rules.triggers());
    }

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFinished finished) {
        Upload u = finished.upload();
        String errorClass = u.getPath() == UploadPath.SYNC_FALLBACK ? "async-attempts-failed" : u.getFailureClass();
        Outcome outcome = new Outcome(u.getPath(), finished.success(), errorClass, u.getDurationMs(), u.getBytes(),
                u.getCompletedAt());
        var recent = window.record(outcome);
        if (outcome.triedAsync() && StageEvaluator.alarmed(outcome, recent, rules.triggers())) {
            evaluate();
        }
    }

    private void tick() {
        try {
            position();
            evaluate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rollout evaluation failed: {0}", e.toString());
        }
    }

    /** Judges the current stage and acts on the verdict; returns the evaluation. */
    public synchronized Evaluation evaluate() {
        RolloutState state = machine.state();
        Instant now = Instant.now();
        Evaluation previous = state.lastEvaluation();
        Evaluation evaluation = StageEvaluator.evaluate(kpis(), rules.schedule().plan(state.stageIndex()),
                rules.triggers(), now, state.reviewSince());
        Optional<Transition> move = machine.onEvaluation(evaluation, rules.autoPromote(), Heap.used(), now);
        if (move.isPresent()) {
            moved(move.get());
        } else if (previous == null || previous.verdict() != evaluation.verdict()) {
            trail.record(new Transition(now, Actor.CONTROLLER, "verdict", state.stageIndex(), state.percent(),
                    state.stageIndex(), state.percent(), evaluation.verdict(), evaluation.reasons(),
                    evaluation.kpis(), evaluation.criteria()));
        }
        save();
        return evaluation;
    }

    /**
     * An operator's move, signed with the operator's authenticated name. {@code expectedStage}, when
     * given, is the stage the operator saw: a rollout that has moved on since is refused, so of two
     * operators acting on the same view only the first moves it.
     */
    public synchronized Transition promote(String by, Integer expectedStage) {
        expect(expectedStage);
        return act(machine.promote(Actor.OPERATOR, Instant.now(), Heap.used()).signedBy(by));
    }

    public synchronized Transition rollback(String by, Integer expectedStage) {
        expect(expectedStage);
        return act(machine.rollback(Actor.OPERATOR, List.of("an operator (" + by + ") rolled the rollout back"),
                Instant.now()).signedBy(by));
    }

    public synchronized Transition pause(String by, Integer expectedStage) {
        expect(expectedStage);
        return act(machine.pause(Actor.OPERATOR, Instant.now()).signedBy(by));
    }

    public synchronized Transition resume(String by, Integer expectedStage) {
        expect(expectedStage);
        return act(machine.resume(Actor.OPERATOR, Instant.now()).signedBy(by));
    }

    private void expect(Integer expectedStage) {
        int stage = machine.state().stageIndex();
        if (expectedStage != null && expectedStage != stage) {
            throw new IllegalStateException("the rollout is at stage " + stage + ", not at stage " + expectedStage
                    + " as the request expected (from=" + expectedStage + "); it has moved since: look again");
        }
    }

    private Transition act(Transition transition) {
        moved(transition);
        save();
        return transition;
    }

    private void moved(Transition transition) {
        if (transition.startsStage()) {
            window.reset();
        }
        trail.record(transition);
        LOG.log(Level.INFO, "Rollout {0} by {1}: stage {2} ({3} %) -> stage {4} ({5} %): {6}", new Object[]{
                transition.action(), transition.by() == null ? transition.actor() : transition.actor() + " "
                + transition.by(), transition.fromStage(), transition.fromPercent(),
                transition.toStage(), transition.toPercent(), String.join("; ", transition.reasons())});
    }

    /** Stores and publishes the state with the config values adopted so far. */
    private void save() {
        save(current.configEnabled(), current.configPercent());
    }

    /** Stores and publishes the state; every change to the machine or the adopted config ends here. */
    private void save(Boolean configEnabled, Double configPercent) {
        store.save(new StoredRollout(machine.state(), configEnabled, configPercent));
        current = new Snapshot(machine.state(), configEnabled, configPercent);
    }

    private boolean readBoolean(String key, String value, boolean last) {
        String raw = value == null ? String.valueOf(last) : value;
        if (ConfigKeys.checkBoolean(raw) != null) {
            warnings.warn(key, raw, "must be true or false; keeping " + last);
            return last;
        }
        warnings.good(key);
        return Boolean.parseBoolean(raw.strip());
    }

    private double readPercent(String value, double last) {
        String raw = value == null ? String.valueOf(last) : value;
        if (ConfigKeys.checkPercent(raw) != null) {
            warnings.warn(ConfigKeys.ASYNC_ROLLOUT, raw, ConfigKeys.checkPercent(raw) + "; keeping " + last);
            return last;
        }
        warnings.good(ConfigKeys.ASYNC_ROLLOUT);
        return Double.parseDouble(raw.strip());
    }
}
