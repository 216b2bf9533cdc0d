package dev.uploadgateway.bench;

import dev.uploadgateway.bench.load.TestFiles;
import dev.uploadgateway.bench.measure.HeapHistogram;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import dev.uploadgateway.bench.process.Children;
import dev.uploadgateway.bench.process.Emulator;
import dev.uploadgateway.bench.process.Floor;
import dev.uploadgateway.bench.process.Gateway;
import dev.uploadgateway.bench.process.GatewaySettings;
import dev.uploadgateway.bench.process.Nginx;
import dev.uploadgateway.bench.report.Baseline;
import dev.uploadgateway.bench.report.LatencyCriterion;
import dev.uploadgateway.bench.report.Machine;
import dev.uploadgateway.bench.report.Results;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code java -jar bench/target/upload-gateway-bench.jar [--quick] ...} (what {@code bench/run.sh}
 * runs): exit 0 with a report written, 2 on a usage or build problem, 1 when the run itself broke.
 */
public final class Benchmark {

    /** The harness's command-line output: progress, verdicts, where the report went. */
    static final PrintStream OUT = System.out;

    private Benchmark() {
    }

    public static void main(String[] args) {
        // Idle pooled connections of a finished cell must not linger into the next one.
        System.setProperty("jdk.httpclient.keepalive.timeout", System.getProperty("jdk.httpclient.keepalive.timeout", "5"));
        if (java.util.Arrays.asList(args).contains("--help")) {
            OUT.println(BenchOptions.USAGE);
            System.exit(0);
        }
        BenchOptions options;
        GatewaySettings settings;
        Optional<Baseline> baseline;
        try {
            options = BenchOptions.parse(args, Path.of("").toAbsolutePath());
            settings = GatewaySettings.of(options.repository(), options.preBoot(), options.heap(), options.asyncTimeoutSeconds(),
                    options.recordsJfr());
            baseline = baseline(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<Path> missing = new ArrayList<>(settings.missing());
        if (options.targets().contains(Target.FLOOR) && !Files.isRegularFile(options.floorWar())) {
            missing.add(options.floorWar());
        }
        if (!missing.isEmpty()) {
            System.err.println("bench: build first (mvn -B -DskipTests package); missing " + missing);
            System.exit(2);
        }
        try {
            Path report = run(options, settings, baseline);
            OUT.println("bench: report written to " + report);
            System.exit(0);
        } catch (Exception e) {
            Logger.getLogger(Benchmark.class.getName()).log(Level.SEVERE, "bench: the run failed", e);
            System.exit(1);
        }
    }

    /** The earlier run to compare with, read before any load so that a bad file costs no run. */
    private static Optional<Baseline> baseline(BenchOptions options) {
        if (options.baseline().isEmpty()) {
            return Optional.empty();
        }
        Path file = options.baseline().get();
        String shownAs = file.startsWith(options.repository()) ? options.repository().relativize(file).toString() : file.toString();
        try {
            return Optional.of(Baseline.read(file, shownAs));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--baseline " + file + " cannot be read as a results.csv: "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    static Path run(BenchOptions options, GatewaySettings settings, Optional<Baseline> baseline) throws Exception {
        Instant started = Instant.now();
        long deadline = System.nanoTime() + options.maxRun().toNanos();
        Matrix matrix = options.matrix();
        clean(options.work());
        Map<Long, Path> files = new LinkedHashMap<>();
        for (long size : matrix.fileSizes()) {
            files.put(size, TestFiles.ensure(options.files(), size));
        }
        List<String> early = new ArrayList<>();
        List<Target> targets = new ArrayList<>(options.targets());
        Optional<Path> nginxBinary = targets.contains(Target.NGINX) ? Nginx.binary(options.work(), early) : Optional.empty();
        if (nginxBinary.isEmpty()) {
            targets.remove(Target.NGINX);
        }
        try (Children children = new Children(options.work().resolve("children.pids"))) {
            Emulator emulator = Emulator.start(children, options.work(), options.latencyMs());
            Nginx nginx = nginxBinary.isPresent() ? Nginx.start(children, nginxBinary.get(), options.work(), emulator.port()) : null;
            String build = Machine.build(options.repository(), settings.war());
            GatewaySettings pinned = settings.pinned(options.work().resolve("war"));
            Gateway gateway = new Gateway(children, pinned, options.work(), emulator.port());
            long boot = System.nanoTime();
            // Both Micros boot at once: on two cores that is shorter than one after the other.
            Floor floor = targets.contains(Target.FLOOR)
                    ? Floor.start(children, pinned, pin(options.floorWar(), options.work().resolve("war")), options.work()) : null;
            gateway.boot();
            double gatewayBoot = (System.nanoTime() - boot) / 1e9;
            floor = ready(floor, targets, early);
            OUT.printf("bench: emulator :%d, gateway :%d (booted in %.1f s)%s%s%n", emulator.port(), gateway.base().getPort(),
                    gatewayBoot, floor == null ? ", payara-floor skipped" : ", payara-floor :" + floor.base().getPort(),
                    nginx == null ? ", nginx skipped" : ", nginx :" + nginx.base().getPort());
            Results results = new Results(matrix, targets);
            early.forEach(results::note);
            CellRunner runner = new CellRunner(options, emulator, gateway, nginx, floor, files,
                    TestFiles.ensure(options.files(), 1024), matrix.issueLimit());
            for (Target t : targets) {
                var warmUp = runner.warmUp(t, options.warmUp());
                results.addWarmUp(warmUp);
                OUT.println(Progress.warmUp(warmUp));
            }
            Session session = new Session(options, settings, gateway, nginxBinary, started, build, baseline,
                    LatencyCriterion.read(pinned.war()));
            walk(matrix, targets, runner, results, deadline, session);
            if (options.profile()) {
                profile(matrix, targets, runner, results, deadline);
            }
            retained(gateway, results);
            gateway.stop();
            if (floor != null) {
                floor.stop();
            }
            return session.write(results, true);
        }
    }

    /** The floor once it answers; null, with the target dropped and a note, if it did not come up. */
    private static Floor ready(Floor floor, List<Target> targets, List<String> notes) throws InterruptedException {
        if (floor == null) {
            return null;
        }
        try {
            floor.awaitReady();
            return floor;
        } catch (IOException e) {
            notes.add("payara-floor did not come up (" + e.getMessage() + "): the payara-floor target was skipped.");
            targets.remove(Target.FLOOR);
            return null;
        }
    }

    /** A copy of a WAR for the run to deploy, as {@link GatewaySettings#pinned} makes of the gateway's. */
    private static Path pin(Path war, Path dir) throws IOException {
        Path copy = Files.createDirectories(dir).resolve(war.getFileName());
        return Files.copy(war, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void walk(Matrix matrix, List<Target> targets, CellRunner runner, Results results, long deadline,
                             Session session) throws InterruptedException, IOException {
        int total = matrix.cells().size() * targets.size();
        int done = 0;
        for (int i = 0; i < matrix.cells().size(); i++) {
            Cell cell = matrix.cells().get(i);
            for (Target target : Matrix.order(i, targets)) {
                done++;
                if (System.nanoTime() > deadline) {
                    results.note(cell.id() + " " + target.label() + " skipped: the run's time limit was reached");
                    continue;
                }
                try {
                    var record = runner.run(cell, target);
                    results.add(record);
                    OUT.println(Progress.line(done, total, record));
                    session.write(results, false);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    results.note(cell.id() + " " + target.label() + " could not be run: " + e);
                    OUT.printf("[%2d/%d] %s %s FAILED: %s%n", done, total, cell.id(), target.label(), e);
                }
            }
        }
    }

    /** What the gateway still holds after the run: a heap that grew between cells shows here what it grew with. */
    private static void retained(Gateway gateway, Results results) {
        try {
            if (gateway.healthy()) {
                results.note("Largest classes in the gateway's live heap at the end of the run (jcmd GC.class_histogram): "
                        + HeapHistogram.top(gateway.pid(), 8));
            }
        } catch (IOException e) {
            results.note("No heap histogram at the end of the run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The profile passes of the profiled cells, gateway paths only, while the run's time allows. */
    private static void profile(Matrix matrix, List<Target> targets, CellRunner runner, Results results, long deadline)
            throws InterruptedException {
        for (Cell cell : matrix.cells().stream().filter(Cell::profiled).toList()) {
            for (Target target : targets.stream().filter(Target::gateway).toList()) {
                if (System.nanoTime() > deadline) {
                    results.note("profile pass " + cell.id() + " " + target.label() + " skipped: the run's time limit was reached");
                    continue;
                }
                try {
                    var record = runner.profile(cell, target);
                    results.addProfile(record);
                    OUT.println("[profile] " + Progress.line(0, 0, record).substring(7));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    results.note("profile pass " + cell.id() + " " + target.label() + " failed: " + e);
                }
            }
        }
    }

    /** Deletes the previous run's work directory (logs, spool, nginx prefix); the test files live elsewhere. */
    private static void clean(Path work) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
