package dev.uploadgateway.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    private static List<String> command(boolean jfr) {
        return GatewaySettings.of(Path.of("/repo"), Path.of("/repo/pre-boot"), "512m", 30, jfr)
                .command(Path.of("/work/gateway"), Path.of("/work/gateway/gc-1.log"), 8080, 9090);
    }

    @Test
    void everyBootStartsTheRecordingBeforeTheApplicationRuns() {
        List<String> command = command(true);
        int jar = command.indexOf("-jar");
        int jfr = command.indexOf("-XX:StartFlightRecording:name=bench,settings=profile,disk=true,maxsize=256m");
        assertTrue(jfr > 0 && jfr < jar, command.toString());
        assertTrue(command.contains("-XX:FlightRecorderOptions:repository=/work/gateway/jfr"), command.toString());
    }

    @Test
    void noRecordingWithoutProfilePasses() {
        assertFalse(command(false).stream().anyMatch(a -> a.contains("FlightRecord")));
    }

    @Test
    void bothMicrosListenOnLoopbackOnlyAfterTheChosenPreBootCommands(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path chosen = dir.resolve("pre-boot.asadmin");
        java.nio.file.Files.writeString(chosen, "set configs.config.server-config.ejb-container.property.thread-core-pool-size=64");
        String preBoot = GatewaySettings.of(Path.of("/repo"), chosen, "512m", 30, false).preBoot();
        assertTrue(preBoot.startsWith("set configs.config.server-config.ejb-container.property.thread-core-pool-size=64\n"), preBoot);
        assertTrue(preBoot.strip().endsWith(GatewaySettings.LOOPBACK), preBoot);
        assertTrue(GatewaySettings.LOOPBACK.endsWith("http-listener.address=127.0.0.1"));
        String none = GatewaySettings.of(Path.of("/repo"), dir.resolve("absent"), "512m", 30, false).preBoot();
        assertTrue(none.strip().endsWith(GatewaySettings.LOOPBACK), "a missing --pre-boot file still binds to loopback");
    }

    @Test
    void theFloorRunsWithTheGatewaysJvmFlagsAndMicroOptionsButNoneOfItsProperties() {
        GatewaySettings settings = GatewaySettings.of(Path.of("/repo"), Path.of("/repo/pre-boot"), "512m", 30, true);
        List<String> gateway = settings.command(Path.of("/work/floor"), Path.of("/work/floor/gc.log"), 8080, 9090);
        List<String> floor = settings.floorCommand(Path.of("/work/war/payara-floor.war"), Path.of("/work/floor"),
                Path.of("/work/floor/gc.log"), 8080);
        List<String> jvm = gateway.subList(0, 4);
        assertEquals(jvm, floor.subList(0, 4), "java, heap, GC log, tmpdir");
        assertTrue(jvm.contains("-Xmx512m"), jvm.toString());
        for (String shared : List.of("-XX:FlightRecorderOptions:repository=/work/floor/jfr", "--nohazelcast",
                "/work/floor/pre-boot-commands.asadmin", "/repo/server-config/logging.properties", "/repo/server-config/target/payara-micro.jar")) {
            assertTrue(gateway.contains(shared) && floor.contains(shared), shared);
        }
        assertFalse(floor.stream().anyMatch(a -> a.startsWith("-Dprovider") || a.startsWith("-Drollout")), floor.toString());
        assertEquals("/", floor.get(floor.indexOf("--contextroot") + 1));
        assertFalse(floor.contains("--postbootcommandfile"));
    }
}
