package dev.uploadgateway.bench.process;

import dev.uploadgateway.bench.measure.JfrRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the gateway JVM is launched: the artifacts the build produced, the same pre-boot and
 * post-boot commands and logging as production, a fixed heap, and the async attempt timeout.
 * Every path the gateway writes (spool, local files, audit trail, database) is under the run's
 * work directory. With {@code recordJfr} every boot starts the JFR recording the profile passes
 * are cut from (see {@link JfrRecording} for why it is not started later). The payara-floor target
 * is booted from the same settings, so that it differs from the gateway only in what it deploys.
 */
public record GatewaySettings(Path microJar, Path war, Path preBootCommands, Path postBootCommands, Path logging,
                              String heap, int asyncTimeoutSeconds, boolean recordJfr) {

    /** The build outputs under the repository root, as {@code mvn package} leaves them. */
    public static GatewaySettings of(Path repository, Path preBoot, String heap, int asyncTimeoutSeconds, boolean recordJfr) {
        return new GatewaySettings(repository.resolve("server-config/target/payara-micro.jar"),
                repository.resolve("web/target/upload-gateway.war"), preBoot,
                repository.resolve("server-config/post-boot-commands.asadmin"),
                repository.resolve("server-config/logging.properties"), heap, asyncTimeoutSeconds, recordJfr);
    }

    /** The artifacts that are missing; empty when the gateway can be launched. The pre-boot file is optional. */
    public List<Path> missing() {
        List<Path> missing = new ArrayList<>();
        for (Path path : List.of(microJar, war, postBootCommands, logging)) {
            if (!Files.isRegularFile(path)) {
                missing.add(path);
            }
        }
        return missing;
    }

    /**
     * A copy of the WAR (same file name, so the same context root) for the run to deploy: a
     * rebuild during a run, or before a restart, must not change what is measured.
     */
    public GatewaySettings pinned(Path dir) throws java.io.IOException {
        Path copy = Files.createDirectories(dir).resolve(war.getFileName());
        Files.copy(war, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return new GatewaySettings(microJar, copy, preBootCommands, postBootCommands, logging, heap, asyncTimeoutSeconds, recordJfr);
    }

    /**
     * The pre-boot commands a boot runs: the chosen file's (server-config's unless {@code --pre-boot}
     * named another) and then one line that binds the HTTP listener to 127.0.0.1, where Micro would
     * listen on every interface; nothing of the benchmark is reachable from outside the machine.
     */
    public String preBoot() throws IOException {
        String chosen = Files.isRegularFile(preBootCommands) ? Files.readString(preBootCommands) : "";
        return chosen + (chosen.isEmpty() || chosen.endsWith("\n") ? "" : "\n")
                + "\n# Added by the benchmark harness: loopback only.\n" + LOOPBACK + "\n";
    }

    static final String LOOPBACK = "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address=127.0.0.1";

    /** Writes {@link #preBoot()} into {@code dir}, where {@link #command} and {@link #floorCommand} expect it. */
    public void writePreBoot(Path dir) throws IOException {
        Files.writeString(dir.resolve(PRE_BOOT), preBoot());
    }

    private static final String PRE_BOOT = "pre-boot-commands.asadmin";

    /** The full command line for one boot; {@code dir} holds micro-root and, beside it, config and db. */
    List<String> command(Path dir, Path gcLog, int port, int emulatorPort) {
        List<String> command = jvm(dir, gcLog);
        command.addAll(List.of(
                "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulatorPort,
                "-Dprovider.kimi.api-key=" + Emulator.KIMI_KEY,
                "-Dupload.default-provider=kimi",
                "-Dauth.anonymous-uploads=true", // the load generator sends no key, as in the earlier runs
                "-Dupload.spool-dir=" + dir.resolve("spool"),
                "-Dprovider.local.dir=" + dir.resolve("files"),
                "-Daudit.upload-events-file=" + dir.resolve("audit/upload-events.jsonl"),
                "-Daudit.rollout-events-file=" + dir.resolve("audit/rollout-events.jsonl"),
                "-Dasync.upload.timeout=" + asyncTimeoutSeconds,
                "-Drollout.state-file=" + dir.resolve("rollout-state.json")));
        // The gateway's rollout controller rolls back to sync on its own (error rate, heap growth,
        // critical errors). A benchmark must measure the path it asked for, so its triggers are
        // set where they cannot fire; the path is still verified before and after every cell.
        command.addAll(List.of("-Drollout.trigger.success-below=0", "-Drollout.trigger.error-above=1",
                "-Drollout.trigger.heap-spike-above=100", "-Drollout.trigger.critical-error-classes=none",
                "-Drollout.review.success-below=0.0001", "-Drollout.review.latency-above=100", "-Drollout.auto-promote=false"));
        command.addAll(micro(war, dir, port));
        command.addAll(List.of("--postbootcommandfile", postBootCommands.toString()));
        return command;
    }

    /**
     * The payara-floor's command line: the gateway's JVM flags (heap, GC log, JFR when the gateway
     * records it) and Micro options, its own WAR at the context root {@code /}, none of the gateway's
     * properties and no config directory (the floor reads no configuration).
     */
    public List<String> floorCommand(Path floorWar, Path dir, Path gcLog, int port) {
        List<String> command = jvm(dir, gcLog);
        command.addAll(micro(floorWar, dir, port));
        command.addAll(List.of("--contextroot", "/"));
        return command;
    }

    private List<String> jvm(Path dir, Path gcLog) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap,
                "-Xlog:gc:file=" + gcLog + ":timemillis:filecount=0",
                "-Djava.io.tmpdir=" + dir.resolve("tmp")));
        if (recordJfr) {
            command.addAll(JfrRecording.jvmOptions(dir.resolve("jfr")));
        }
        return command;
    }

    private List<String> micro(Path deploy, Path dir, int port) {
        return new ArrayList<>(List.of("-jar", microJar.toString(),
                "--deploy", deploy.toString(), "--port", Integer.toString(port), "--nohazelcast",
                "--rootdir", dir.resolve("micro-root").toString(),
                "--prebootcommandfile", dir.resolve(PRE_BOOT).toString(),
                "--logproperties", logging.toString()));
    }
}
