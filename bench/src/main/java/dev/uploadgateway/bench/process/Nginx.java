package dev.uploadgateway.bench.process;

import dev.uploadgateway.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * nginx as a streaming reverse proxy in front of the emulator: its own prefix, config, pid and
 * temp directories under the work directory, in the foreground ({@code daemon off}), never the
 * system service. Installed from Debian's package when missing and the harness runs as root.
 */
public final class Nginx {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The nginx binary, installing the package if it is missing; empty (with a note) if that fails. */
    public static Optional<Path> binary(Path work, List<String> notes) throws InterruptedException {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            notes.add("nginx is not installed and the harness is not root: the nginx target was skipped.");
            return Optional.empty();
        }
        Path log = work.resolve("nginx-install.log");
        if (!apt(log, "install", "-y", "-q", "nginx")) {
            apt(log, "update", "-q");
            apt(log, "install", "-y", "-q", "nginx");
        }
        found = find();
        if (found.isEmpty()) {
            notes.add("nginx could not be installed (apt-get install -y nginx failed, see " + log + "): the nginx target was skipped.");
        }
        return found;
    }

    public static Nginx start(Children children, Path binary, Path work, int upstreamPort)
            throws IOException, InterruptedException {
        Path prefix = Files.createDirectories(work.resolve("nginx"));
        int port = LoopbackPorts.free();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, NginxConfig.render(prefix, port, upstreamPort));
        Process process = children.start(new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()));
        Nginx nginx = new Nginx(process, port);
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited at start; see " + prefix.resolve("error.log"));
            }
            if (ControlClient.get(nginx.base().resolve("/_emulator/stats")).isPresent()) {
                return nginx;
            }
            Thread.sleep(100);
        }
        children.stop(process, 5);
        throw new IOException("nginx did not proxy to the emulator within 10 s; see " + prefix);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The master and its workers. */
    public List<Long> pidList() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    public Process process() {
        return process;
    }

    /** e.g. {@code nginx/1.22.1}. */
    public static String version(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return out.replace("nginx version: ", "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static Optional<Path> find() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    private static boolean apt(Path log, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("apt-get"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = builder.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
