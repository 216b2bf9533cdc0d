package dev.uploadgateway.rollout.control;

import dev.uploadgateway.configuration.control.ConfigKeys;
import dev.uploadgateway.persistence.control.SchemaFirst;
import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.ClusterNode;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.Lease;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RolloutMoved;
import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.SharedRecord;
import dev.uploadgateway.rollout.entity.StoredRollout;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.upload.control.AsyncAdmission;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadFinished;
import dev.uploadgateway.upload.entity.UploadPath;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Runs the rollout on the server: feeds every finished upload to the stage window, checks the
 * rollback triggers after each async outcome (so a regression is caught within uploads, not
 * minutes), evaluates the stage on a schedule and on demand, applies operators' actions, adopts a
 * rollout value changed in the configuration, and stores and audits every move.
 * <p>
 * The state is one row shared by every node on the database ({@link SharedRollout}): every move is
 * a compare-and-set of that row together with its audit record, so of two nodes moving the same
 * state only one succeeds, and the other looks again. Each node reads the row every
 * {@value #SYNC_MILLIS} ms and adopts a newer version, renews or claims the leader's lease and
 * publishes its share of the stage every second. Only the leader evaluates on the schedule and on
 * a trigger, on every node's shares added up, and its writes are fenced by its lease's term.
 */
@ApplicationScoped
public class RolloutController {

    static final long SYNC_MILLIS = 500;
    private static final int MOVE_ATTEMPTS = 8;
    private static final Logger LOG = Logger.getLogger(RolloutController.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Config config;
    @Inject
    FileStateStore legacyState;
    @Inject
    RolloutTrail trail;
    @Inject
    SharedRollout shared;
    @Resource(lookup = "jdbc/__default")
    DataSource database;
    @Inject
    AsyncAdmission admission;
    @Inject
    ThisNode thisNode;
    @Inject
    @ConfigProperties
    ClusterSettings cluster;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    RolloutClock clock;

    @Inject
    Event<RolloutMoved> announcements;

    private RolloutRules rules;
    private ClusterRules clusterRules;
    private String node;
    private final Instant startedAt = Instant.now(); // this node's own start, not the rollout's clock
    /** The machine and the version of the shared row it holds; replaced together under the lock. */
    private RolloutMachine machine;
    private long version;
    private StageWindow window;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private volatile Lease lease;
    private volatile String leaderNode;
    private volatile List<TallyFigures> others = List.of();
    private volatile List<ClusterNode> nodes = List.of();
    private long syncs;
    /**
     * What every upload reads: the state and the two config values it was adopted from, replaced as a
     * whole under the lock after every move and read without it, so the per-request path never waits
     * on the controller (the benchmark found every request thread queued on this lock at c = 1000).
     */
    private volatile Snapshot current;
    /** The two switches as this node last read them and found in force: only a change of them here is adopted. */
    private volatile ConfigAdoption.Reading lastRead;

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
        try {
            rules = ScheduleConfig.read(key -> config.getOptionalValue(key, String.class));
        } catch (IllegalArgumentException e) {
            // not thrown: StartupValidation reads the same rules and refuses the deployment naming every bad key,
            // the rollout's and the others'; thrown here, Weld would report only that start() failed
            LOG.log(Level.SEVERE, "The rollout cannot start: {0}", e.getMessage());
            return;
        }
        // the rollout's tables, before the records' unit may have logged in; a database that cannot be
        // used is refused there, its one line logged
        SchemaFirst.migrate(database);
        try {
            join();
        } catch (RuntimeException e) {
            // Weld reports only that start() failed: say why, once, where operators look
            LOG.log(Level.SEVERE, "The rollout cannot start on node " + node + ": " + e.getMessage(), e);
            throw e;
        }
    }

    private void join() {
        clusterRules = ClusterRules.of(config.getValue(ConfigKeys.ROLLOUT_SALT, String.class), rules.schedule());
        node = thisNode.id();
        window = new StageWindow(rules.triggers().recentWindow());
        SharedRecord row = joined();
        StoredRollout stored = JSON.fromJson(row.document(), StoredRollout.class);
        synchronized (this) {
            machine = new RolloutMachine(rules.schedule(), rules.windows(), stored.state());
            version = row.version();
            current = new Snapshot(stored.state(), stored.configEnabled(), stored.configPercent());
        }
        if (othersAlive()) {
            lastRead = ConfigAdoption.joiningBaseline(read(current));
        }
        follow(true); // a value set at startup is in force before the first request
        heartbeat();
        schedules.add(scheduler.scheduleWithFixedDelay(this::sync, SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS));
        long interval = rules.evaluationInterval().toMillis();
        schedules.add(scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS));
    }

    /**
     * The shared row, made from this node's legacy state file and trail when there is none yet. A
     * node whose salt or schedule differs from the row's is refused while another node lives, and
     * otherwise brings its rules to the row (the cluster was stopped to change them).
     */
    private SharedRecord joined() {
        Optional<SharedRecord> row = shared.state();
        if (row.isEmpty()) {
            Optional<StoredRollout> legacy = legacyState.load();
            StoredRollout first = legacy.orElseGet(() -> new StoredRollout(
                    RolloutState.initial(clock.now(), Heap.used()), null, null));
            List<RolloutTables.Event> imported = trail.legacyEvents();
            if (shared.create(record(first), node, imported)) {
                LOG.log(Level.INFO, "Rollout state created in the database by node {0}{1}", new Object[]{node,
                        legacy.isPresent() ? ", from " + legacyState.location() + " and " + imported.size()
                        + " audit record(s) of this node's trail" : ""});
            }
            row = shared.state();
        }
        SharedRecord found = row.orElseThrow(() -> new IllegalStateException("the rollout's row could not be made"));
        Optional<String> differs = clusterRules.difference(found);
        if (differs.isEmpty()) {
            return found;
        }
        List<String> alive = othersAliveNow();
        if (!alive.isEmpty()) {
            throw new IllegalStateException("upload-gateway cannot start: " + differs.get() + " differ(s) from the"
                    + " cluster's, which nodes " + alive + " run; start every node with the same rollout.salt and"
                    + " rollout.stage.* (to change them, stop every node first)");
        }
        String reason = differs.get() + " changed while no node of the cluster ran: the rules of node " + node
                + " are the cluster's from now";
        StoredRollout stored = JSON.fromJson(found.document(), StoredRollout.class);
        RolloutState s = stored.state();
        Transition changed = new Transition(clock.now(), Actor.CONFIG, "rules", s.stageIndex(), s.percent(),
                s.stageIndex(), s.percent(), null, List.of(reason), null, null);
        if (shared.replace(found.version(), record(stored), node, null, events(List.of(changed)))
                != RolloutTables.Replaced.DONE) {
            throw new IllegalStateException("upload-gateway cannot start: another node started with other rules"
                    + " at the same moment (" + differs.get() + "); start every node with the same rules");
        }
        LOG.log(Level.WARNING, "Rollout {0}", reason);
        trail.record(changed);
        announcements.fireAsync(new RolloutMoved(changed, node));
        return shared.state().orElseThrow();
    }

    /** The other nodes whose heartbeat is younger than the lease. */
    private List<String> othersAliveNow() {
        return shared.nodes().stream().filter(n -> !n.node().equals(node))
                .filter(n -> n.age().toSeconds() < cluster.leaseSeconds).map(RolloutTables.NodeRow::node).toList();
    }

    private boolean othersAlive() {
        return !othersAliveNow().isEmpty();
    }

    /** Created with the application, not on first use, so the schedule runs from the start. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (rules != null) { // null: invalid, and the deployment is refused
            position();
        }
    }

    @PreDestroy
    void stop() {
        schedules.forEach(s -> s.cancel(false));
        Lease held = lease;
        if (held != null) {
            try {
                shared.release(held);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The leader's lease runs out instead: {0}", e.toString());
            }
        }
    }

    /**
     * The rollout's position for the next decision, after adopting a changed configuration value
     * when {@link ConfigAdoption} says so. Lock-free unless this node's configuration reads other
     * values than it last did (rare: an operator's change), in which case the adoption runs under
     * the lock and is checked again there.
     */
    public RolloutState position() {
        return follow(false);
    }

    private RolloutState follow(boolean starting) {
        Snapshot seen = current;
        ConfigAdoption.Reading read = read(seen);
        ConfigAdoption.Reading last = lastRead;
        if (seen.adopted(read.enabled(), read.percent())
                || last != null && last.enabled() == read.enabled() && last.percent() == read.percent()) {
            // in force, or unchanged here since this node last read it: another node's move stands
            adoption.unchanged();
            lastRead = read;
            return seen.state();
        }
        if (!adoption.adoptNow(read, seen.configEnabled(), seen.configPercent(), starting)) {
            return seen.state();
        }
        RolloutState adopted = adopt(read.enabled(), read.percent());
        lastRead = read;
        return adopted;
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

    private RolloutState adopt(boolean enabled, double percent) {
        commit(m -> current.adopted(enabled, percent) ? null
                : new Move(m.adoptConfig(enabled, percent, clock.now(), Heap.used()).stream().toList(),
                        enabled, percent), null);
        return current.state();
    }

    public RolloutRules rules() {
        return rules;
    }

    /** The current stage's evidence, as an evaluation would see it now: every live node's uploads. */
    public Kpis kpis() {
        return window.kpis(clock.now(), Heap.used(), current.state(), rules.triggers(), shares());
    }

    /** The node that leads, as of this node's last heartbeat; null while none holds the lease. */
    public String leader() {
        return leaderNode;
    }

    /** Every node that shares the rollout, as of the last heartbeat. */
    public List<ClusterNode> nodes() {
        return nodes;
    }

    public String node() {
        return node;
    }

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFinished finished) {
        Upload u = finished.upload();
        String errorClass = u.getPath() == UploadPath.SYNC_FALLBACK ? "async-attempts-failed" : u.getFailureClass();
        Outcome outcome = new Outcome(u.getPath(), finished.success(), errorClass, u.getDurationMs(), u.getBytes(),
                u.getCompletedAt());
        var recent = window.record(outcome);
        if (outcome.triedAsync() && StageEvaluator.alarmed(outcome, recent, rules.triggers())) {
            if (lease != null) {
                evaluateAsLeader();
            } else {
                scheduler.execute(this::heartbeat); // the leader sees this node's alarm at its next heartbeat
            }
        }
    }

    private void tick() {
        try {
            position();
            if (lease != null) {
                evaluateAsLeader();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rollout evaluation failed: {0}", e.toString());
        }
    }

    /** Every {@value #SYNC_MILLIS} ms: a newer shared state is adopted; every second, the heartbeat. */
    private void sync() {
        try {
            if (shared.version() != version) {
                synchronized (this) {
                    refresh();
                }
            }
            if (++syncs % 2 == 0) {
                heartbeat();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rollout sync with the database failed: {0}", e.toString());
        }
    }

    /**
     * Renews or claims the lease, publishes this node's share of the stage and reads the others'; the
     * leader then checks the triggers on the cluster's recent window.
     */
    private void heartbeat() {
        try {
            RolloutState state = current.state();
            int live = (int) Math.max(1, nodes.stream().filter(ClusterNode::alive).count());
            SharedRollout.Heartbeat beat = shared.heartbeat(node, cluster.leaseSeconds, thisNode.baseUrl(),
                    admission.inFlight(), startedAt, JSON.toJson(window.figures(state, live)));
            lease = beat.held().orElse(null);
            Optional<Lease> leading = beat.leader();
            leaderNode = leading.map(Lease::node).orElse(null);
            List<TallyFigures> shares = new ArrayList<>();
            List<ClusterNode> seen = new ArrayList<>();
            for (RolloutTables.NodeRow row : beat.nodes()) {
                boolean alive = row.age().toSeconds() < cluster.leaseSeconds;
                seen.add(new ClusterNode(row.node(), row.baseUrl(), row.inFlight(), row.startedAt(), row.lastSeen(),
                        alive, leading.map(l -> l.node().equals(row.node())).orElse(false)));
                if (alive && !row.node().equals(node) && row.tally() != null) {
                    shares.add(JSON.fromJson(row.tally(), TallyFigures.class));
                }
            }
            nodes = List.copyOf(seen);
            others = List.copyOf(shares);
            if (lease != null && !others.isEmpty() && clusterAlarmed()) {
                evaluateAsLeader();
            }
        } catch (RuntimeException e) {
            lease = null;
            LOG.log(Level.WARNING, "Rollout heartbeat failed; this node does not lead until it succeeds: {0}",
                    e.toString());
        }
    }

    /** Whether another node's share shows a critical error, or the cluster's recent window crossed a trigger. */
    private boolean clusterAlarmed() {
        List<TallyFigures> shares = shares();
        boolean critical = shares.stream().anyMatch(f -> rules.triggers().criticalErrorClasses().stream()
                .anyMatch(f.errors()::containsKey));
        return critical || TriggerCheck.recentCrossed(window.recent(shares), rules.triggers());
    }

    /** The other live nodes' shares of the current stage. */
    private List<TallyFigures> shares() {
        String stage = StageWindow.stageKey(current.state());
        return others.stream().filter(f -> stage.equals(f.stage())).toList();
    }

    private void evaluateAsLeader() {
        Lease held = lease;
        if (held != null) {
            evaluate(held);
        }
    }

    /** Judges the current stage and acts on the verdict; returns the evaluation (an operator's request, any node). */
    public Evaluation evaluate() {
        return evaluate(null);
    }

    private synchronized Evaluation evaluate(Lease fence) {
        Evaluation[] made = new Evaluation[1];
        commit(m -> {
            RolloutState state = m.state();
            Instant now = clock.now();
            Evaluation previous = state.lastEvaluation();
            Evaluation evaluation = StageEvaluator.evaluate(kpis(), rules.schedule().plan(state.stageIndex()),
                    rules.triggers(), now, state.reviewSince());
            made[0] = evaluation;
            Optional<Transition> move = m.onEvaluation(evaluation, rules.autoPromote(), Heap.used(), now);
            if (move.isPresent()) {
                return new Move(List.of(move.get()));
            }
            if (previous == null || previous.verdict() != evaluation.verdict()) {
                return new Move(List.of(new Transition(now, Actor.CONTROLLER, "verdict", state.stageIndex(),
                        state.percent(), state.stageIndex(), state.percent(), evaluation.verdict(),
                        evaluation.reasons(), evaluation.kpis(), evaluation.criteria())));
            }
            return new Move(List.of());
        }, fence);
        return made[0];
    }

    /**
     * An operator's move, signed with the operator's authenticated name. {@code expectedStage}, when
     * given, is the stage the operator saw: a rollout that has moved on since is refused, so of two
     * operators acting on the same view only the first moves it, on whichever nodes they act.
     */
    public Transition promote(String by, Integer expectedStage) {
        return act(expectedStage, m -> m.promote(Actor.OPERATOR, clock.now(), Heap.used()).signedBy(by));
    }

    /** An operator's approval of the manual gate the current stage waits at. */
    public Transition approve(String by, Integer expectedStage) {
        return act(expectedStage, m -> m.approve(Actor.OPERATOR, clock.now(), Heap.used()).signedBy(by));
    }

    /** When the next promotion window opens; empty while one is open or none is configured. */
    public Optional<Instant> nextWindow() {
        return rules.windows().nextOpening(clock.now());
    }

    public Transition rollback(String by, Integer expectedStage) {
        return act(expectedStage, m -> m.rollback(Actor.OPERATOR,
                List.of("an operator (" + by + ") rolled the rollout back"), clock.now()).signedBy(by));
    }

    public Transition pause(String by, Integer expectedStage) {
        return act(expectedStage, m -> m.pause(Actor.OPERATOR, clock.now()).signedBy(by));
    }

    public Transition resume(String by, Integer expectedStage) {
        return act(expectedStage, m -> m.resume(Actor.OPERATOR, clock.now()).signedBy(by));
    }

    private Transition act(Integer expectedStage, Function<RolloutMachine, Transition> action) {
        Transition[] made = new Transition[1];
        commit(m -> {
            expect(m, expectedStage);
            made[0] = action.apply(m);
            return new Move(List.of(made[0]));
        }, null);
        return made[0];
    }

    private static void expect(RolloutMachine m, Integer expectedStage) {
        int stage = m.state().stageIndex();
        if (expectedStage != null && expectedStage != stage) {
            throw new IllegalStateException("the rollout is at stage " + stage + ", not at stage " + expectedStage
                    + " as the request expected (from=" + expectedStage + "); it has moved since: look again");
        }
    }

    /** What a change did: the records to append, and the configuration values adopted with it (null: as before). */
    private record Move(List<Transition> transitions, Boolean configEnabled, Double configPercent) {
        Move(List<Transition> transitions) {
            this(transitions, null, null);
        }
    }

    /**
     * Applies {@code change} to the newest shared state and stores it with its records by
     * compare-and-set; when another node moved first, looks again and reapplies it. {@code change}
     * returns null when there is nothing to do on the state it was given. With a {@code fence} (the
     * leader's), a lease that no longer holds drops the change.
     */
    private synchronized void commit(Function<RolloutMachine, Move> change, Lease fence) {
        for (int attempt = 1; attempt <= MOVE_ATTEMPTS; attempt++) {
            RolloutState before = machine.state();
            Move move = change.apply(machine);
            if (move == null) {
                return;
            }
            Snapshot seen = current;
            Boolean enabled = move.configEnabled() != null ? move.configEnabled() : seen.configEnabled();
            Double percent = move.configPercent() != null ? move.configPercent() : seen.configPercent();
            StoredRollout next = new StoredRollout(machine.state(), enabled, percent);
            RolloutTables.Replaced done = shared.replace(version, record(next), node, fence, events(move.transitions()));
            if (done == RolloutTables.Replaced.DONE) {
                version++;
                current = new Snapshot(next.state(), enabled, percent);
                if (!next.state().stageStartedAt().equals(before.stageStartedAt())) {
                    window.reset();
                }
                move.transitions().forEach(this::moved);
                return;
            }
            machine = new RolloutMachine(rules.schedule(), rules.windows(), before);
            if (done == RolloutTables.Replaced.FENCED) {
                lease = null;
                LOG.log(Level.INFO, "Node {0} lost the leader''s lease; its evaluation is dropped", node);
                return;
            }
            refresh();
        }
        throw new IllegalStateException("the rollout was moved on other nodes " + MOVE_ATTEMPTS
                + " times while this node tried to; try again");
    }

    /** Adopts the newest shared state; the stage window starts afresh when the stage changed. */
    private void refresh() {
        SharedRecord row = shared.state().orElseThrow();
        if (row.version() == version) {
            return;
        }
        StoredRollout stored = JSON.fromJson(row.document(), StoredRollout.class);
        RolloutState before = machine.state();
        machine = new RolloutMachine(rules.schedule(), rules.windows(), stored.state());
        version = row.version();
        current = new Snapshot(stored.state(), stored.configEnabled(), stored.configPercent());
        if (!stored.state().stageStartedAt().equals(before.stageStartedAt())) {
            window.reset();
        }
    }

    private SharedRecord record(StoredRollout stored) {
        return new SharedRecord(0, JSON.toJson(stored), clusterRules.saltDigest(), clusterRules.schedule());
    }

    private static List<RolloutTables.Event> events(List<Transition> transitions) {
        return transitions.stream().map(t -> new RolloutTables.Event(t.at(), JSON.toJson(t))).toList();
    }

    private void moved(Transition transition) {
        trail.record(transition);
        announcements.fireAsync(new RolloutMoved(transition, node)); // notified off this thread, after the commit
        LOG.log(Level.INFO, "Rollout {0} by {1} on node {7}: stage {2} ({3} %) -> stage {4} ({5} %): {6}", new Object[]{
                transition.action(), transition.by() == null ? transition.actor() : transition.actor() + " "
                + transition.by(), transition.fromStage(), transition.fromPercent(),
                transition.toStage(), transition.toPercent(), String.join("; ", transition.reasons()), node});
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
