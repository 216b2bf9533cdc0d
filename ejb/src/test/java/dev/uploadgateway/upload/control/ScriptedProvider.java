package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.control.FileProvider;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A provider whose answers a test scripts: each upload takes the next scripted answer (a file, or
 * a failure to throw), and {@link #delivered} answers what {@link #holds} says. Counts every call.
 */
class ScriptedProvider implements FileProvider {

    final Deque<Supplier<ProviderFile>> uploads = new ArrayDeque<>();
    final AtomicInteger uploadCalls = new AtomicInteger();
    final AtomicInteger reconcileCalls = new AtomicInteger();
    /** What the provider holds for a reconcile; a supplier so it can throw. */
    Supplier<Optional<ProviderFile>> holds = Optional::empty;
    volatile long lastUploadNanos;

    ScriptedProvider answer(ProviderFile file) {
        uploads.add(() -> file);
        return this;
    }

    ScriptedProvider fail(RuntimeException failure) {
        uploads.add(() -> {
            throw failure;
        });
        return this;
    }

    @Override
    public String name() {
        return "kimi";
    }

    @Override
    public ProviderFile upload(String uploadId, String filename, String contentType, String purpose, FileContent content) {
        uploadCalls.incrementAndGet();
        lastUploadNanos = System.nanoTime();
        Supplier<ProviderFile> next = uploads.poll();
        if (next == null) {
            throw new AssertionError("an upload nobody scripted: the file would have been sent once more");
        }
        return next.get();
    }

    @Override
    public Optional<ProviderFile> delivered(String uploadId, String filename, long bytes, Instant since) {
        reconcileCalls.incrementAndGet();
        return holds.get();
    }

    @Override
    public InputStream content(String providerFileId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String providerFileId) {
        throw new UnsupportedOperationException();
    }
}
