package dev.uploadgateway.provider.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Zhipu's GLM: {@code POST {base}/api/paas/v4/files}, the same form as OpenAI's. */
@ApplicationScoped
public class GlmProvider implements FileProvider {

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
    public ProviderFile upload(String filename, String contentType, String purpose, FileContent content) {
        return post.send(new ProviderConfig(config, NAME), "/api/paas/v4/files", filename, contentType, purpose, content);
    }
}
