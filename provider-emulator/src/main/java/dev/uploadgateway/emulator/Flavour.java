package dev.uploadgateway.emulator;

import java.util.Locale;

/** The provider APIs the emulator imitates; each lives under its own base path with its own key. */
enum Flavour {
    KIMI("/v1/files"),
    GLM("/api/paas/v4/files");

    private final String basePath;

    Flavour(String basePath) {
        this.basePath = basePath;
    }

    /** The name used in records and JSON: {@code kimi} or {@code glm}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String basePath() {
        return basePath;
    }
}
