package dev.uploadgateway.bench.process;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The provider emulator ({@code dev.uploadgateway.emulator.EmulatorProcess}, module provider-emulator)
 * in its own JVM, from this harness's classpath, storing nothing it does not need: each received file
 * is hashed and deleted at once ({@code --keep-files false}).
 */
public final class Emulator {

    public static final String KIMI_KEY = "bench-kimi-key";

    private final Process process;
    private final int port;

    private Emulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Emulator start(Children children, Path work, long latencyMs) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("emulator"));
        Path out = dir.resolve("stdout.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "dev.uploadgateway.emulator.EmulatorProcess", "--port", "0", "--kimi-key", KIMI_KEY,
                "--glm-key", "bench-glm-key", "--storage", dir.resolve("storage").toString(),
                "--latency-ms", Long.toString(latencyMs), "--keep-files", "false"))
                .redirectOutput(out.toFile()).redirectError(dir.resolve("stderr.log").toFile());
        Process process = children.start(builder);
        for (int i = 0; i < 300; i++) {
            Optional<String> line = Files.readAllLines(out).stream().filter(l -> l.startsWith("EMULATOR_PORT=")).findFirst();
            if (line.isPresent()) {
                return new Emulator(process, Integer.parseInt(line.get().substring("EMULATOR_PORT=".length()).trim()));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        children.stop(process, 5);
        throw new IOException("the emulator did not report its port; see " + dir);
    }

    public int port() {
        return port;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    /** Forgets the records of the last cell, so the emulator's memory stays flat over a run. */
    public void reset() {
        ControlClient.post(base().resolve("/_emulator/reset"));
    }

    /** {@code {"requests":..,"received":..,"aborted":..}}, or "unavailable". */
    public String stats() {
        return ControlClient.get(base().resolve("/_emulator/stats")).orElse("unavailable");
    }
}
