package dev.uploadgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void baselineIsResolvedAgainstTheDirectoryTheHarnessRunsIn() {
        BenchOptions o = BenchOptions.parse(new String[]{"--baseline", "bench/results/baseline/results.csv"}, REPO);
        assertEquals(Optional.of(Path.of("/repo/bench/results/baseline/results.csv")), o.baseline());
        assertEquals(Optional.empty(), BenchOptions.parse(new String[0], REPO).baseline());
        assertTrue(BenchOptions.USAGE.contains("--baseline FILE"));
    }

    @Test
    void theGatewayRecordsJfrOnlyWhenAProfilePassWillBeCutFromIt() {
        assertTrue(BenchOptions.parse(new String[0], REPO).recordsJfr());
        assertFalse(BenchOptions.parse(new String[]{"--no-profile"}, REPO).recordsJfr());
        assertFalse(BenchOptions.parse(new String[]{"--quick"}, REPO).recordsJfr(), "the quick matrix has no profiled cell");
        assertFalse(BenchOptions.parse(new String[]{"--cells", "1MiB-c10"}, REPO).recordsJfr());
    }

    @Test
    void everyRunHasTheFloorTargetAndFindsItsWarWhereMavenLeavesIt() {
        BenchOptions quick = BenchOptions.parse(new String[]{"--quick"}, REPO);
        assertEquals(java.util.List.of(dev.uploadgateway.bench.plan.Target.values()), quick.targets());
        assertEquals(Path.of("/repo/bench/payara-floor/target/payara-floor.war"), quick.floorWar());
        assertEquals(dev.uploadgateway.bench.plan.WarmUpRule.quick(), quick.warmUp());
        assertEquals(dev.uploadgateway.bench.plan.WarmUpRule.full(), BenchOptions.parse(new String[0], REPO).warmUp());
        assertEquals(java.util.List.of(dev.uploadgateway.bench.plan.Target.FLOOR),
                BenchOptions.parse(new String[]{"--targets", "payara-floor"}, REPO).targets());
    }
}
