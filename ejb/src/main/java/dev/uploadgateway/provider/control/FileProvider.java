package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * The port every provider adapter implements. Limits, purposes and credentials are configuration
 * ({@link ProviderConfig}), checked before an adapter is called.
 */
public interface FileProvider {

    /** The name callers use: {@code local}, {@code kimi}, {@code glm}. */
    String name();

    /**
     * Sends one file. Blocks until the provider answered; an interrupt aborts the exchange.
     *
     * @param uploadId the gateway's id of the upload, for providers that can store idempotently
     * @throws ProviderUnavailable when trying again may succeed (network, timeout, 429, 5xx)
     * @throws ProviderRejected    when it will not (4xx, unreadable answer)
     */
    ProviderFile upload(String uploadId, String filename, String contentType, String purpose, FileContent content);

    /**
     * Whether a body still arriving may be sent ({@link FileContent.Live}): an adapter that can
     * abort what it sends when the body fails, so a truncated file is never stored.
     */
    default boolean streams() {
        return false;
    }

    /**
     * After a crash: the file this upload may already have delivered before the gateway could
     * record the provider's answer, so that resuming never stores it twice.
     *
     * @param since when the upload was accepted; files older than that are not it
     */
    Optional<ProviderFile> delivered(String uploadId, String filename, long bytes, Instant since);

    /** The stored file's bytes, streamed; the caller closes the stream. */
    InputStream content(String providerFileId);

    /** Removes the stored file; a file the provider no longer has counts as removed. */
    void delete(String providerFileId);
}
