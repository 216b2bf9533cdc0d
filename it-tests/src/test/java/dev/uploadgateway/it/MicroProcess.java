package dev.uploadgateway.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The gateway as an operator runs it: Payara Micro in its own JVM with server-config's boot
 * commands and logging, for tests about the process itself (startup refusal, crash, restart).
 */
final class MicroProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;
    final Path configDir;

    private MicroProcess(Process process, Path log, int port, Path configDir) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.configDir = configDir;
    }

    /** Starts Micro with the real WAR; {@code jvmOptions} come before {@code -jar}. */
    static MicroProcess start(List<String> jvmOptions) throws IOException {
        Path target = Path.of(System.getProperty("payara.microJar")).getParent();
        Path home = Files.createDirectories(target.resolve("processes").resolve(UUID.randomUUID().toString()));
        Path root = Files.createDirectories(home.resolve("micro-root"));
        Path config = Files.createDirectories(home.resolve("config"));
        Path serverConfig = target.getParent().resolve("../server-config").normalize();
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("gateway.war"), "--port", String.valueOf(port), "--nohazelcast",
                "--rootdir", root.toString(),
                "--postbootcommandfile", serverConfig.resolve("post-boot-commands.asadmin").toString(),
                "--logproperties", serverConfig.resolve("logging.properties").toString()));
        Path log = home.resolve("server.log");
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new MicroProcess(process, log, port, config);
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + port + "/").toURL();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log satisfies {@code condition}, the process ends, or the timeout passes. */
    boolean awaitLog(Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(log())) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.test(log());
            }
            Thread.sleep(250);
        }
        return false;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
