package dev.uploadgateway.emulator;

import dev.uploadgateway.testkit.MultipartForm;

import static dev.uploadgateway.emulator.EmulatorClient.GLM;
import static dev.uploadgateway.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorProcessTest {

    @Test
    void printsOnlyItsPortAndServesUploadsAsItsOwnProcess(@TempDir Path dir) throws Exception {
        Path storage = Files.createDirectory(dir.resolve("storage"));
        Path stdout = dir.resolve("stdout.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmulatorProcess.class.getName(),
                "--glm-key", "process-key", "--storage", storage.toString(), "--keep-files", "false")
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            TestFiles.await(() -> announced(stdout).endsWith("\n"), Duration.ofSeconds(15));
            String line = announced(stdout).strip();
            assertTrue(line.matches("EMULATOR_PORT=\\d+"), line);
            EmulatorClient client = new EmulatorClient(Integer.parseInt(line.substring("EMULATOR_PORT=".length())));

            int status = client.upload(GLM, "process-key",
                    new MultipartForm().field("purpose", "file").file("file", "p.bin", new byte[2048])).statusCode();

            assertEquals(200, status);
            assertEquals(1, object(client.control("GET", "stats")).getInt("received"));
            try (var stored = Files.list(storage)) {
                assertEquals(0, stored.count(), "--keep-files false deletes bytes once hashed");
            }
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            assertEquals(line + System.lineSeparator(), announced(stdout), "nothing but the port line on stdout");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String announced(Path stdout) {
        try {
            return Files.readString(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsOptionsInPairsAndRefusesUnknownOnes() {
        assertEquals(Map.of("--port", "8089", "--latency-ms", "5"),
                EmulatorProcess.options(new String[] {"--port", "8089", "--latency-ms", "5"}));
        assertThrows(IllegalArgumentException.class, () -> EmulatorProcess.options(new String[] {"--prot", "1"}));
        assertThrows(IllegalArgumentException.class, () -> EmulatorProcess.options(new String[] {"--port"}));
    }
}
