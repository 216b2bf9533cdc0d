package dev.uploadgateway.bench;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import dev.uploadgateway.bench.plan.WarmUpRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line. Full runs write to {@code bench/results/}, quick runs to
 * {@code bench/target/results-quick/} so that a smoke test never overwrites the committed report.
 * {@code --baseline} names an earlier run's results.csv (relative paths against the repository
 * root, where {@code bench/run.sh} starts the harness) for the report's before/after section.
 */
public record BenchOptions(boolean quick, Path repository, Path out, Path work, long latencyMs, String heap,
                           int clientTimeoutSeconds, int asyncTimeoutSeconds, List<Target> targets, boolean profile,
                           Duration maxRun, Set<String> cells, Path preBoot, Optional<Path> baseline, String commandLine) {

    static final String USAGE = """
            usage: bench/run.sh [--quick] [--out DIR] [--latency-ms 200] [--heap 512m] [--timeout-s N]
                                [--async-timeout-s 30] [--targets direct,gateway-sync,gateway-async,nginx,payara-floor]
                                [--cells 1MiB-c10,50MiB-c100] [--no-profile] [--max-minutes N] [--repo DIR]
                                [--pre-boot FILE (instead of server-config/pre-boot-commands.asadmin, to try a setting)]
                                [--baseline FILE (results.csv of an earlier run: the report adds "Before and after")]""";

    public static BenchOptions parse(String[] args, Path cwd) {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        Path repo = Path.of(value(a, "--repo", cwd.toString())).toAbsolutePath().normalize();
        Path out = Path.of(value(a, "--out", repo.resolve(quick ? "bench/target/results-quick" : "bench/results").toString()));
        List<Target> targets = new ArrayList<>();
        for (String label : value(a, "--targets", "direct,gateway-sync,gateway-async,nginx,payara-floor").split(",")) {
            targets.add(Arrays.stream(Target.values()).filter(t -> t.label().equals(label.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown target '" + label + "'\n" + USAGE)));
        }
        Set<String> cells = new LinkedHashSet<>();
        String only = value(a, "--cells", "");
        if (!only.isBlank()) {
            cells.addAll(List.of(only.split(",")));
        }
        for (String arg : a) {
            if (arg.startsWith("--") && !KNOWN.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchOptions(quick, repo, out.toAbsolutePath(), repo.resolve("bench/target/work"),
                Long.parseLong(value(a, "--latency-ms", "200")), value(a, "--heap", "512m"),
                Integer.parseInt(value(a, "--timeout-s", quick ? "30" : "90")),
                Integer.parseInt(value(a, "--async-timeout-s", "30")), List.copyOf(targets), !a.contains("--no-profile"),
                Duration.ofMinutes(Long.parseLong(value(a, "--max-minutes", quick ? "5" : "30"))), cells,
                Path.of(value(a, "--pre-boot", repo.resolve("server-config/pre-boot-commands.asadmin").toString())).toAbsolutePath(),
                Optional.ofNullable(value(a, "--baseline", null)).map(f -> cwd.resolve(f).toAbsolutePath().normalize()),
                "bench/run.sh" + (args.length == 0 ? "" : " " + String.join(" ", args)));
    }

    private static final Set<String> KNOWN = Set.of("--quick", "--repo", "--out", "--latency-ms", "--heap", "--timeout-s",
            "--async-timeout-s", "--targets", "--cells", "--no-profile", "--max-minutes", "--pre-boot", "--baseline");

    /** The matrix of this mode, cut down to {@code --cells} when given. */
    public Matrix matrix() {
        Matrix all = quick ? Matrix.quick() : Matrix.full();
        if (cells.isEmpty()) {
            return all;
        }
        var chosen = all.cells().stream().filter(c -> cells.contains(c.id())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--cells matches none of " + all.cells().stream().map(c -> c.id()).toList());
        }
        return new Matrix(all.name() + " (subset)", chosen, all.issueLimit(), all.cellByteBudget());
    }

    /** Whether the gateway records JFR from its boot: only when a profile pass will be cut from it. */
    public boolean recordsJfr() {
        return profile && matrix().cells().stream().anyMatch(Cell::profiled);
    }

    /** The warm-up rule of this mode. */
    public WarmUpRule warmUp() {
        return quick ? WarmUpRule.quick() : WarmUpRule.full();
    }

    /** The payara-floor target's WAR, as {@code mvn package} leaves it (module bench/payara-floor). */
    public Path floorWar() {
        return repository.resolve("bench/payara-floor/target/payara-floor.war");
    }

    public Path files() {
        return repository.resolve("bench/target/files");
    }

    private static String value(List<String> args, String name, String otherwise) {
        int i = args.indexOf(name);
        if (i < 0) {
            return otherwise;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return args.get(i + 1);
    }
}
