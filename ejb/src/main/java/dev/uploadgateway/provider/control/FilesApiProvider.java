package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * A provider that speaks the OpenAI files API shape at its own path: upload, list, content and
 * delete under {@code {base}{path}}. Kimi and GLM differ only in name and path.
 */
abstract class FilesApiProvider implements FileProvider {

    private final String name;
    private final String path;

    @Inject
    Config config;
    @Inject
    FilesApiClient post;

    protected FilesApiProvider(String name, String path) {
        this.name = name;
        this.path = path;
    }

    @Override
    public String name() {
        return name;
    }

    /** A body the client cuts short aborts the request, so the provider never receives its end. */
    @Override
    public boolean streams() {
        return true;
    }

    @Override
    public ProviderFile upload(String uploadId, String filename, String contentType, String purpose, FileContent content) {
        return post.send(settings(), path, filename, contentType, purpose, content);
    }

    @Override
    public Optional<ProviderFile> delivered(String uploadId, String filename, long bytes, Instant since) {
        return post.find(settings(), path, filename, bytes, since);
    }

    @Override
    public InputStream content(String providerFileId) {
        return post.content(settings(), path, providerFileId);
    }

    @Override
    public void delete(String providerFileId) {
        post.delete(settings(), path, providerFileId);
    }

    private ProviderConfig settings() {
        return new ProviderConfig(config, name);
    }
}
