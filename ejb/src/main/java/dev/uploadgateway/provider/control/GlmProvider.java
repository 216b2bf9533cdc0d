package dev.uploadgateway.provider.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Zhipu's GLM: {@code POST {base}/api/paas/v4/files}, the same form as OpenAI's. */
@ApplicationScoped
public class GlmProvider implements FileProvider {

    private static final String PATH = "/api/paas/v4/files";
    public static final String NAME = "glm";

    @Inject
    Config config;
    @Inject
    MultipartPost post;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderFile upload(String uploadId, String filename, String contentType, String purpose, FileContent content) {
        return post.send(new ProviderConfig(config, NAME), PATH, filename, contentType, purpose, content);
    }

    @Override
    public InputStream content(String providerFileId) {
        return post.content(new ProviderConfig(config, NAME), PATH, providerFileId);
    }

    @Override
    public void delete(String providerFileId) {
        post.delete(new ProviderConfig(config, NAME), PATH, providerFileId);
    }

    @Override
    public Optional<ProviderFile> delivered(String uploadId, String filename, long bytes, Instant since) {
        return post.find(new ProviderConfig(config, NAME), PATH, filename, bytes, since);
    }
}
