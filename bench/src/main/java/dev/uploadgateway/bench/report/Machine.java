package dev.uploadgateway.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipFile;

/** The machine and software a run measured, as the report's first table. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, String> describe(Path microJar, String nginxVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", firstLine("/proc/cpuinfo", "model name") + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
        m.put("Memory", firstLine("/proc/meminfo", "MemTotal").replaceAll("\\s+", " "));
        m.put("Kernel", read("/proc/sys/kernel/osrelease"));
        m.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "), same for every JVM of the run");
        m.put("Payara", payara(microJar));
        m.put("nginx", nginxVersion);
        m.put("Disk", "work directory on " + filesystem());
        return m;
    }

    /**
     * Which gateway was measured: the commit, whether the work tree differed from it, and the WAR's
     * build time and digest (the WAR is whatever the last {@code mvn package} left).
     */
    public static String build(Path repository, Path war) {
        String head = git(repository, "rev-parse", "--short", "HEAD").strip();
        String changed = git(repository, "status", "--porcelain", "--untracked-files=no").strip();
        String digest;
        String built;
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(war));
            digest = java.util.HexFormat.of().formatHex(hash).substring(0, 12);
            built = Files.getLastModifiedTime(war).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            digest = "unknown";
            built = "unknown";
        }
        return "commit " + (head.isEmpty() ? "unknown" : head) + (changed.isEmpty() ? "" : " with uncommitted changes to tracked files")
                + "; " + war.getFileName() + " built " + built + ", sha256 " + digest + "…";
    }

    private static String git(Path repository, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-C", repository.toString()));
        command.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** "Payara Micro 6.2025.10 (build 42)", from the jar's branding properties. */
    static String payara(Path microJar) {
        try (ZipFile zip = new ZipFile(microJar.toFile())) {
            var entry = zip.getEntry("MICRO-INF/domain/branding/glassfish-version.properties");
            if (entry == null) {
                return "unknown";
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                p.load(in);
            }
            return p.getProperty("product_name", "Payara") + " " + p.getProperty("major_version") + "."
                    + p.getProperty("minor_version") + "." + p.getProperty("update_version") + " (build " + p.getProperty("build_id") + ")";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String filesystem() {
        for (String line : lines("/proc/mounts")) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[1].equals("/")) {
                return f[2] + " (" + f[0] + ")";
            }
        }
        return "unknown";
    }

    private static String firstLine(String file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        return String.join(" ", lines(file)).trim();
    }

    private static java.util.List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return java.util.List.of();
        }
    }
}
