package dev.uploadgateway.it;

import dev.uploadgateway.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Server domain of the test's own under {@code target/}, driven with asadmin as an operator
 * drives one: created on a free block of ports ({@code --portbase}, so 8080, 4848 and 3700 may be in
 * use), started, configured, given the EAR, and stopped at the end whether the tests pass or not
 * ({@link #close()}, and a JVM shutdown hook in case the test JVM is ended first).
 */
final class PayaraServer implements AutoCloseable {

    static final String DOMAIN = "upload-gateway";
    /** What --portbase adds: debugger, IIOP (3), admin, Hazelcast (2), OSGi shell, JMS, HTTP, HTTPS, JMX. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final Path home;
    private final Path domains;
    private final int portBase;
    private final Thread stopOnExit = new Thread(this::stop, "payara-server-stop");
    /** The domain's environment beyond the test's own (start-domain passes it on to the server). */
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private boolean running;

    private PayaraServer(Path home, Path domains, int portBase) {
        this.home = home;
        this.domains = domains;
        this.portBase = portBase;
    }

    /** A fresh domain in {@code domains}, using the unpacked distribution at {@code home}. */
    static PayaraServer create(Path home, Path domains) throws IOException, InterruptedException {
        deleteTree(domains.resolve(DOMAIN));
        Files.createDirectories(domains);
        PayaraServer server = new PayaraServer(home, domains, freePortBase());
        server.run(Duration.ofMinutes(3), "create-domain", "--nopassword=true", "--portbase=" + server.portBase,
                "--domaindir=" + domains, DOMAIN);
        return server;
    }

    /** Environment variables for the server, from the next start on. */
    void environment(java.util.Map<String, String> variables) {
        environment.putAll(variables);
    }

    /** A jar for the domain's common class loader (a JDBC driver), before {@link #start}. */
    void addLibrary(Path jar) throws IOException {
        Path lib = Files.createDirectories(domains.resolve(DOMAIN).resolve("lib"));
        Files.copy(jar, lib.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    void start() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        running = true;
        run(Duration.ofMinutes(5), "start-domain", "--domaindir=" + domains, DOMAIN);
    }

    /** Runs a subcommand against the running domain; returns its output, throws when it fails. */
    String asadmin(Duration timeout, String... subcommand) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port=" + adminPort(), "--user=admin", "--interactive=false"));
        args.addAll(List.of(subcommand));
        return run(timeout, args.toArray(String[]::new));
    }

    /** Every command in an asadmin command file, in one asadmin run. */
    void runCommandFile(Path file) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(2), "multimode", "--file=" + file);
    }

    void deploy(Path archive) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(5), "deploy", archive.toString());
    }

    /** A MicroProfile Config property in the domain's config source (ordinal 110), at run time. */
    void setConfigProperty(String name, String value) throws IOException, InterruptedException {
        asadmin(Duration.ofMinutes(1), "set-config-property", "--source=domain", "--propertyName=" + name,
                "--propertyValue=" + value);
    }

    /** The node the domain's own machine is, where its instances run. */
    String localNode() {
        return "localhost-" + DOMAIN;
    }

    /** Where the instances on {@link #localNode()} keep their files: in the distribution, not the domain directory. */
    Path localNodeDir() {
        return home.resolve("glassfish/nodes").resolve(localNode());
    }

    int httpPort() {
        return portBase + 80;
    }

    int iiopPort() {
        return portBase + 37;
    }

    int adminPort() {
        return portBase + 48;
    }

    Path home() {
        return home;
    }

    Path log() {
        return domains.resolve(DOMAIN).resolve("logs/server.log");
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(Duration.ofMinutes(2), "stop-domain", "--domaindir=" + domains, DOMAIN);
        } catch (IOException | RuntimeException e) {
            try {
                run(Duration.ofMinutes(1), "stop-domain", "--kill=true", "--domaindir=" + domains, DOMAIN);
            } catch (IOException | RuntimeException | InterruptedException again) {
                e.addSuppressed(again);
                throw new IllegalStateException("could not stop the Payara Server domain in " + domains, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** asadmin is a Java program; running its jar with this JVM needs no executable bit on the script. */
    private String run(Duration timeout, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar",
                home.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(domains, "asadmin-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (!ended || process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + (ended ? " failed with exit code "
                    + process.exitValue() : " took longer than " + timeout) + ":\n" + text + "\n(server log: " + log() + ")");
        }
        return text;
    }

    static int freePortBase() throws IOException {
        for (int tries = 0; tries < 200; tries++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(101, 120); // below the ephemeral range, see LoopbackPorts
            if (allFree(base)) {
                return base;
            }
        }
        throw new IOException("no free block of Payara Server ports found between 10100 and 12000");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket socket = new ServerSocket(base + offset)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
