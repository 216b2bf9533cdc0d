package dev.uploadgateway.bench.process;

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
}
