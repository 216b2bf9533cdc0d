package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Target;
import java.util.List;

/**
 * How one target was warmed up before the first cell: the JVM whose JIT was watched (the gateway,
 * the floor, or for direct and nginx the emulator), its compile time in each round, the uploads
 * sent and how many of them failed, and whether the rule saw the JIT settle or stopped at its bound.
 */
public record WarmUpRecord(Target target, String jvm, List<Double> compileMsPerRound, int uploads, int failed, boolean settled) {

    public WarmUpRecord {
        compileMsPerRound = List.copyOf(compileMsPerRound);
    }

    public int rounds() {
        return compileMsPerRound.size();
    }
}
