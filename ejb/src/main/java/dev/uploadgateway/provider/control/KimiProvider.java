package dev.uploadgateway.provider.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Moonshot's Kimi: OpenAI-compatible {@code POST {base}/v1/files}. */
@ApplicationScoped
public class KimiProvider implements FileProvider {

    public static final String NAME = "kimi";

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
        return post.send(new ProviderConfig(config, NAME), "/v1/files", filename, contentType, purpose, content);
    }
}
