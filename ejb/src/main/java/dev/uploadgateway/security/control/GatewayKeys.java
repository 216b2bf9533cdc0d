package dev.uploadgateway.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.eclipse.microprofile.config.Config;

/**
 * The keys clients of the OpenAI-compatible files API present as {@code Authorization: Bearer},
 * from {@code files-api.keys} (comma-separated; give it as a secret). No keys configured means the
 * API is closed. Every configured key is compared in constant time, and keys are never logged.
 */
@ApplicationScoped
public class GatewayKeys {

    @Inject
    Config config;

    public boolean accepts(String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        String keys = config.getOptionalValue("files-api.keys", String.class).orElse("");
        boolean match = false;
        for (String key : Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList()) {
            match |= MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), candidate);
        }
        return match;
    }
}
