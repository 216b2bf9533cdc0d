package dev.uploadgateway.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Kimi's and GLM's file-upload APIs on one loopback port, recording what arrives and misbehaving
 * on request. Start one with {@link #builder()}; every fault knob here is thread-safe and also
 * reachable over HTTP under {@code /_emulator/}.
 */
public final class ProviderEmulator implements AutoCloseable {

    private final FileLedger ledger = new FileLedger();
    private final FaultPlan plan;
    private final Path storage;
    private final boolean ownsStorage;
    private final LoopbackServer server;

    private ProviderEmulator(Builder settings) throws IOException {
        ownsStorage = settings.storage == null;
        storage = ownsStorage ? Files.createTempDirectory("provider-emulator") : Files.createDirectories(settings.storage);
        plan = new FaultPlan(settings.latency);
        UploadHandler uploads = new UploadHandler(ledger, plan, new MultipartIntake(storage, settings.keepFiles));
        server = new LoopbackServer(settings.port, Map.of(
                Flavour.KIMI.basePath(), new FilesHandler(Flavour.KIMI, settings.kimiKey, ledger, uploads),
                Flavour.GLM.basePath(), new FilesHandler(Flavour.GLM, settings.glmKey, ledger, uploads),
                ControlPlane.PATH, new ControlPlane(this)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port; stays the same across {@link #down()} and {@link #up()}. */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, to which a flavour's base path is appended. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Path storage() {
        return storage;
    }

    public List<ReceivedFile> received() {
        return ledger.received();
    }

    public Optional<ReceivedFile> bySha256(String sha256Hex) {
        return ledger.bySha256(sha256Hex);
    }

    public long countBySha256(String sha256Hex) {
        return ledger.countBySha256(sha256Hex);
    }

    /** Upload POSTs that reached a files handler, whatever became of them. */
    public int requestCount() {
        return ledger.requests();
    }

    /**
     * The W3C {@code traceparent} header of every upload POST that reached a files handler, in
     * arrival order, faulted ones included; "" for a request without one.
     */
    public List<String> uploadTraceparents() {
        return ledger.traceparents();
    }

    /** Uploads read and accepted whose success answer could not be written: the client had gone. */
    public int abortedResponses() {
        return ledger.aborted();
    }

    /** Upload bodies that ended before their end (the client aborted, the body was cut short): none of them stored. */
    public int incompleteBodies() {
        return ledger.incomplete();
    }

    /** Upload bodies arriving at this moment. */
    public int receiving() {
        return ledger.receiving();
    }

    /** Bytes read so far of the upload bodies arriving at this moment. */
    public long receivingBytes() {
        return ledger.receivingBytes();
    }

    /** Forgets records and counters, deletes stored files, disarms faults, restores the start latency. */
    public void reset() {
        plan.clear();
        ledger.clear();
    }

    public void latency(Duration latency) {
        plan.latency(latency);
    }

    public void failNext(int n, int status) {
        plan.arm(n, Fault.fail(status, null));
    }

    public void failNext(int n, int status, Duration retryAfter) {
        plan.arm(n, Fault.fail(status, Objects.requireNonNull(retryAfter, "retryAfter")));
    }

    public void hangNext(int n, Duration hang) {
        plan.arm(n, Fault.hang(hang));
    }

    public void resetNext(int n) {
        plan.arm(n, Fault.reset());
    }

    public void garbageNext(int n) {
        plan.arm(n, Fault.garbage());
    }

    /** Stops listening and drops every open connection, as an outage would. */
    public void down() {
        server.stop();
    }

    /** Listens again on the same port. */
    public void up() throws IOException {
        server.start();
    }

    @Override
    public void close() {
        server.close();
        ledger.clear();
        if (ownsStorage) {
            try (Stream<Path> leftovers = Files.walk(storage)) {
                for (Path path : leftovers.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete emulator storage " + storage, e);
            }
        }
    }

    /** Settings for one emulator; the defaults are those of the standalone process. */
    public static final class Builder {

        private int port;
        private String kimiKey = "test-kimi-key";
        private String glmKey = "test-glm-key";
        private Path storage;
        private boolean keepFiles = true;
        private Duration latency = Duration.ZERO;

        private Builder() {
        }

        /** 0, the default, picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder kimiKey(String key) {
            this.kimiKey = Objects.requireNonNull(key, "kimiKey");
            return this;
        }

        public Builder glmKey(String key) {
            this.glmKey = Objects.requireNonNull(key, "glmKey");
            return this;
        }

        /** Where received files are stored; by default a temporary directory deleted on close. */
        public Builder storage(Path directory) {
            this.storage = Objects.requireNonNull(directory, "storage");
            return this;
        }

        /** False deletes each file as soon as it is hashed, to spare disk in benchmarks. */
        public Builder keepFiles(boolean keep) {
            this.keepFiles = keep;
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        public ProviderEmulator start() throws IOException {
            ProviderEmulator emulator = new ProviderEmulator(this);
            emulator.up();
            return emulator;
        }
    }
}
