package dev.uploadgateway.provider.control;

import jakarta.enterprise.context.ApplicationScoped;

/** Zhipu's GLM: {@code {base}/api/paas/v4/files}, the same form as OpenAI's. */
@ApplicationScoped
public class GlmProvider extends FilesApiProvider {

    public static final String NAME = "glm";

    public GlmProvider() {
        super(NAME, "/api/paas/v4/files");
    }
}
