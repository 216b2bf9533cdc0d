package dev.uploadgateway.it;

import dev.uploadgateway.testkit.LoopbackPorts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * README's run command, {@code server-config/run.sh}, as a new user runs it, in a copy of the
 * repository's layout under {@code target/}: the database it keeps gets a generated password (and one
 * made by an earlier version, with none, is given it and keeps its data), only the gateway's user can
 * read its data, and the process listens on the HTTP port and nothing else.
 */
class RunScriptIT {

    private static final Path TARGET = Path.of(System.getProperty("payara.microJar")).getParent();

    @Test
    void generatesTheDatabasePasswordKeepsOldDataAndOpensNoOtherPort() throws Exception {
        Path repo = layout();
        Path data = repo.resolve("upload-gateway-data");
        Path db = Files.createDirectories(data.resolve("db"));
        Path h2 = h2Jar();
        // a database as an earlier version left it: admin user "" without a password, readable to all
        h2(h2, db, "", "", "CREATE TABLE KEPT(X INT); INSERT INTO KEPT VALUES (7);");
        assertTrue(Files.getPosixFilePermissions(db.resolve("upload-gateway.mv.db")).toString().contains("OTHERS_READ"),
                "the old file starts readable to others");

        int port = LoopbackPorts.free();
        try (RunScript run = RunScript.start(repo, port)) {
            assertTrue(run.awaitReady(Duration.ofMinutes(3)), run.output());
            GatewayClient gateway = GatewayClient.at(URI.create("http://127.0.0.1:" + port + "/").toURL());
            assertEquals(201, gateway.upload(GatewayDeployment.file("run.txt", "run.sh".getBytes()), "run.txt",
                    "text/plain", null, java.util.Map.of()).status());
            assertEquals(Set.of(port), run.listeningPorts(), "the gateway's JVM listens on its HTTP port only");
        }
        Path secret = db.resolve("password");
        String password = Files.readString(secret);
        assertTrue(password.matches("[A-Za-z0-9]{32}"), "a generated password of 32 letters and digits");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        for (Path path : List.of(data, db, db.resolve("upload-gateway.mv.db"))) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            assertTrue(mode.endsWith("------"), path + " is the gateway user's alone: " + mode);
        }
        String refused = h2(h2, db, "", "", "SELECT 1;");
        assertTrue(refused.contains("Wrong user name or password"), "the empty password no longer opens it: " + refused);
        String kept = h2(h2, db, "gateway", password, "SELECT (SELECT X FROM KEPT) || '/' || (SELECT COUNT(*) FROM UPLOAD_RECORD) AS K;");
        assertTrue(kept.contains("7/1"), "the old table and the new upload are both there: " + kept);

        // a second start reads the same password and finds the record
        try (RunScript run = RunScript.start(repo, port)) {
            assertTrue(run.awaitReady(Duration.ofMinutes(3)), run.output());
            GatewayClient gateway = GatewayClient.at(URI.create("http://127.0.0.1:" + port + "/").toURL());
            assertTrue(gateway.get("api/uploads").body().contains("run.txt"), "the record survived the restart");
        }
        assertEquals(password, Files.readString(secret), "the password is generated once");
    }

    /** server-config (scripts copied, Micro linked) and web/target's WAR, as a checkout has them after mvn package. */
    private static Path layout() throws IOException {
        Path repo = Files.createDirectories(TARGET.resolve("run-script").resolve(UUID.randomUUID().toString()));
        Path serverConfig = TARGET.getParent().resolve("../server-config").normalize();
        Path scripts = Files.createDirectories(repo.resolve("server-config/target"));
        for (String name : List.of("run.sh", "pre-boot-commands.asadmin", "post-boot-commands.asadmin", "logging.properties")) {
            Files.copy(serverConfig.resolve(name), repo.resolve("server-config").resolve(name));
        }
        Files.createSymbolicLink(scripts.resolve("payara-micro.jar"), Path.of(System.getProperty("payara.microJar")));
        Files.createSymbolicLink(Files.createDirectories(repo.resolve("web/target")).resolve("upload-gateway.war"),
                Path.of(System.getProperty("gateway.war")).toAbsolutePath());
        return repo;
    }

    /** H2's own tool, the jar inside Payara Micro: what the gateway's database really is. */
    private static Path h2Jar() throws IOException {
        Path jar = TARGET.resolve("run-script/h2.jar");
        if (!Files.exists(jar)) {
            try (ZipFile micro = new ZipFile(System.getProperty("payara.microJar"));
                 InputStream in = micro.getInputStream(micro.getEntry("MICRO-INF/runtime/h2.jar"))) {
                Files.copy(in, jar);
            }
        }
        return jar;
    }

    private static String h2(Path jar, Path db, String user, String password, String sql) throws Exception {
        Process shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:" + db.resolve("upload-gateway"),
                "-user", user, "-password", password, "-sql", sql).redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(1, TimeUnit.MINUTES), "H2's shell ended");
        return output;
    }

    /** One run of run.sh; closing it is Ctrl+C's TERM, and waits until the JVM under it has gone. */
    private static final class RunScript implements AutoCloseable {
        private final Process script;
        private final Path output;

        private RunScript(Process script, Path output) {
            this.script = script;
            this.output = output;
        }

        static RunScript start(Path repo, int port) throws IOException {
            Path output = Files.createTempFile(repo, "run-", ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("server-config/run.sh").toString())
                    .directory(TARGET.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().remove("UPLOAD_GATEWAY_DB_PASSWORD"); // as on a new user's shell
            builder.environment().put("AUTH_ANONYMOUS_UPLOADS", "true");
            return new RunScript(builder.start(), output);
        }

        boolean awaitReady(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && script.isAlive()) {
                if (output().contains("upload-gateway ready")) {
                    return true;
                }
                Thread.sleep(250);
            }
            return false;
        }

        String output() throws IOException {
            return Files.readString(output, StandardCharsets.UTF_8);
        }

        /** The TCP ports the JVM under the script listens on, from /proc (no ss or netstat needed). */
        Set<Integer> listeningPorts() throws IOException {
            Set<String> sockets = new HashSet<>();
            for (ProcessHandle child : script.descendants().toList()) {
                try (var fds = Files.list(Path.of("/proc", String.valueOf(child.pid()), "fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            String link = Files.readSymbolicLink(fd).toString();
                            if (link.startsWith("socket:[")) {
                                sockets.add(link.substring(8, link.length() - 1));
                            }
                        } catch (IOException closedMeanwhile) {
                            // a descriptor that closed while listed
                        }
                    }
                }
            }
            Set<Integer> ports = new HashSet<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(table)));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f[3].equals("0A") && sockets.contains(f[9])) { // 0A = LISTEN
                        ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                    }
                }
            }
            return ports;
        }

        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> children = script.descendants().toList();
            script.destroy();
            if (!script.waitFor(1, TimeUnit.MINUTES)) {
                script.destroyForcibly().waitFor();
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
                child.onExit().orTimeout(1, TimeUnit.MINUTES).exceptionally(t -> null).join();
            }
            assertFalse(children.stream().anyMatch(ProcessHandle::isAlive), "nothing run.sh started is left");
        }
    }
}
