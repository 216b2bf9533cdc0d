package dev.uploadgateway.provider.control;

import jakarta.enterprise.context.ApplicationScoped;

/** Moonshot's Kimi: OpenAI-compatible {@code {base}/v1/files}. */
@ApplicationScoped
public class KimiProvider extends FilesApiProvider {

    public static final String NAME = "kimi";

    public KimiProvider() {
        super(NAME, "/v1/files");
    }
}
