package dev.uploadgateway.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every accepted file in arrival order, plus the request and aborted-response counters. A file the
 * client deletes through the provider API leaves the provider's listing but stays in the ledger:
 * tests ask what reached the provider, not what is still there.
 */
final class FileLedger {

    private final List<ReceivedFile> received = new ArrayList<>();
    private final Set<String> live = new HashSet<>();
    private final List<String> traceparents = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private final AtomicInteger incomplete = new AtomicInteger();
    private final AtomicInteger receiving = new AtomicInteger();
    private final AtomicLong receivingBytes = new AtomicLong();

    synchronized void add(ReceivedFile file) {
        received.add(file);
        live.add(file.id());
    }

    /** Takes back a file whose success response never reached the client. */
    synchronized void withdraw(ReceivedFile file) {
        received.remove(file);
        live.remove(file.id());
        discard(file);
    }

    synchronized List<ReceivedFile> received() {
        return List.copyOf(received);
    }

    synchronized List<ReceivedFile> live(Flavour flavour) {
        return received.stream().filter(f -> live.contains(f.id()) && isOf(flavour, f)).toList();
    }

    synchronized Optional<ReceivedFile> find(Flavour flavour, String id) {
        return live.contains(id)
                ? received.stream().filter(f -> f.id().equals(id) && isOf(flavour, f)).findFirst()
                : Optional.empty();
    }

    synchronized Optional<ReceivedFile> delete(Flavour flavour, String id) {
        Optional<ReceivedFile> file = find(flavour, id);
        file.ifPresent(f -> {
            live.remove(id);
            discard(f);
        });
        return file;
    }

    synchronized Optional<ReceivedFile> bySha256(String sha256Hex) {
        return received.stream().filter(f -> f.sha256Hex().equalsIgnoreCase(sha256Hex)).findFirst();
    }

    synchronized long countBySha256(String sha256Hex) {
        return received.stream().filter(f -> f.sha256Hex().equalsIgnoreCase(sha256Hex)).count();
    }

    /** An upload POST arrived, with its W3C {@code traceparent} header (null when it had none). */
    void countRequest(String traceparent) {
        requests.incrementAndGet();
        synchronized (this) {
            traceparents.add(traceparent == null ? "" : traceparent);
        }
    }

    /** The {@code traceparent} header of every upload POST in arrival order, "" for one without. */
    synchronized List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    int requests() {
        return requests.get();
    }

    void countAborted() {
        aborted.incrementAndGet();
    }

    int aborted() {
        return aborted.get();
    }

    /** An upload body that ended before its end (connection closed, cut short, no closing boundary): nothing stored. */
    void countIncomplete() {
        incomplete.incrementAndGet();
    }

    int incomplete() {
        return incomplete.get();
    }

    /** An upload body begins to arrive. */
    void receivingStarted() {
        receiving.incrementAndGet();
    }

    /** {@code n} more bytes of a body still arriving. */
    void received(long n) {
        receivingBytes.addAndGet(n);
    }

    /** A body whose {@code bytes} were counted by {@link #received(long)} is no longer arriving. */
    void receivingEnded(long bytes) {
        receiving.decrementAndGet();
        receivingBytes.addAndGet(-bytes);
    }

    /** Upload bodies arriving now. */
    int receiving() {
        return receiving.get();
    }

    /** Bytes read so far of the bodies arriving now. */
    long receivingBytes() {
        return receivingBytes.get();
    }

    /** Forgets everything and deletes the stored bytes. */
    synchronized void clear() {
        received.forEach(FileLedger::discard);
        received.clear();
        live.clear();
        traceparents.clear();
        requests.set(0);
        aborted.set(0);
        incomplete.set(0);
    }

    private static boolean isOf(Flavour flavour, ReceivedFile file) {
        return flavour.label().equals(file.flavour());
    }

    private static void discard(ReceivedFile file) {
        try {
            Files.deleteIfExists(file.storedAt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file.storedAt(), e);
        }
    }
}
