package dev.uploadgateway.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The emulator as its own process, steered through {@code /_emulator/}. Prints exactly one line to
 * stdout, {@code EMULATOR_PORT=<n>}, once it accepts connections, so a launcher can wait for it.
 */
public final class EmulatorProcess {

    private static final Logger LOG = Logger.getLogger(EmulatorProcess.class.getName());
    private static final Set<String> OPTIONS =
            Set.of("--port", "--kimi-key", "--glm-key", "--storage", "--latency-ms", "--keep-files");

    private EmulatorProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(args);
        ProviderEmulator.Builder settings = ProviderEmulator.builder()
                .port(Integer.parseInt(options.getOrDefault("--port", "0")))
                .kimiKey(options.getOrDefault("--kimi-key", "test-kimi-key"))
                .glmKey(options.getOrDefault("--glm-key", "test-glm-key"))
                .latency(Duration.ofMillis(Long.parseLong(options.getOrDefault("--latency-ms", "0"))))
                .keepFiles(Boolean.parseBoolean(options.getOrDefault("--keep-files", "true")));
        if (options.containsKey("--storage")) {
            settings.storage(Path.of(options.get("--storage")));
        }
        ProviderEmulator emulator = settings.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "provider-emulator-shutdown"));
        LOG.info(() -> "provider emulator listening on " + emulator.baseUri() + ", storing in " + emulator.storage());
        System.out.println("EMULATOR_PORT=" + emulator.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: " + String.join(" <value> ", OPTIONS.stream().sorted().toList())
                        + " <value>; cannot use '" + args[i] + "'");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
