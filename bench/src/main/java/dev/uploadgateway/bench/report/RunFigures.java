package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Target;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's {@link Figures} by cell and target: this run's from its records, an earlier run's from
 * its CSV. The headline ratios are taken as {@link Ratios} takes them from a {@link Results}, so
 * that both sides of a before/after comparison are computed the same way, whatever they were read
 * from.
 */
final class RunFigures {

    private static final Pattern ID = Pattern.compile("(\\d+)(KiB|MiB)-c(\\d+)");
    /** Cell ids by file size, then concurrency, as the report orders cells; ids of another form last. */
    static final Comparator<String> BY_SHAPE = Comparator.comparingLong(RunFigures::sizeKiB)
            .thenComparingLong(id -> concurrency(id)).thenComparing(Comparator.naturalOrder());

    private final Map<String, Map<Target, Figures>> byCell = new LinkedHashMap<>();

    /** The first row of a cell and target counts, as {@link Results#find} takes the first record. */
    RunFigures(List<Figures> rows) {
        rows.forEach(f -> byCell.computeIfAbsent(f.cell(), c -> new EnumMap<>(Target.class)).putIfAbsent(f.target(), f));
    }

    static RunFigures of(Results results) {
        return new RunFigures(results.records().stream().map(Figures::of).toList());
    }

    Optional<Figures> find(String cell, Target target) {
        return Optional.ofNullable(byCell.getOrDefault(cell, Map.of()).get(target));
    }

    boolean has(String cell) {
        return byCell.containsKey(cell);
    }

    List<String> cells() {
        return byCell.keySet().stream().sorted(BY_SHAPE).toList();
    }

    /** The planned requests of a cell (the same for each of its targets), -1 when not known. */
    int requests(String cell) {
        return byCell.getOrDefault(cell, Map.of()).values().stream().mapToInt(Figures::requests).findFirst().orElse(-1);
    }

    /** Successful uploads per second of {@code over} divided by those of {@code under}, as in {@link Ratios}. */
    double throughputRatio(String cell, Target over, Target under) {
        return Ratios.ratio(figure(cell, over, Figures::uploadsPerSecond), figure(cell, under, Figures::uploadsPerSecond));
    }

    /** The p50 of {@code target} minus that of {@code base}, in ms, as in {@link Ratios}. */
    double addedP50Ms(String cell, Target target, Target base) {
        return figure(cell, target, Figures::p50) - figure(cell, base, Figures::p50);
    }

    /** The CPU per successful upload of {@code target}'s own processes, ms. */
    double cpuMsPerUpload(String cell, Target target) {
        return figure(cell, target, Figures::cpuMsPerUpload);
    }

    private double figure(String cell, Target target, ToDoubleFunction<Figures> value) {
        return find(cell, target).map(value::applyAsDouble).orElse(Double.NaN);
    }

    /** The file size in KiB of a cell id such as {@code 50MiB-c100} or {@code 64KiB-c10}; Long.MAX_VALUE for an id of another form. */
    static long sizeKiB(String cell) {
        Matcher m = ID.matcher(cell);
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(m.group(1)) * (m.group(2).equals("MiB") ? 1024 : 1);
    }

    private static long concurrency(String cell) {
        Matcher m = ID.matcher(cell);
        return m.matches() ? Long.parseLong(m.group(3)) : Long.MAX_VALUE;
    }
}
