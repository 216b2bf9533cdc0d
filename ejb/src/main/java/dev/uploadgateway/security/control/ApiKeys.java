package dev.uploadgateway.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The API keys clients present as {@code Authorization: Bearer}, and the tenant each belongs to:
 * {@code auth.api-keys} as {@code tenant:key} pairs (several keys per tenant, so one can be rotated
 * while the other still works), and {@code files-api.keys}, whose keys belong to tenant
 * {@code default}. Read at each check, so a key added or revoked at run time counts at once. Every
 * configured key is compared in constant time (no early exit), and keys are never logged.
 */
@ApplicationScoped
public class ApiKeys {

    @Inject
    Config config;

    record Entry(String tenant, byte[] key) {
    }

    /** The tenant whose key was presented, if it is one. */
    public Optional<String> tenantOf(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] candidate = presented.strip().getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Entry e : entries()) {
            if (MessageDigest.isEqual(e.key(), candidate) && found == null) {
                found = e.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    List<Entry> entries() {
        return parse(config.getOptionalValue("auth.api-keys", String.class).orElse(""),
                config.getOptionalValue("files-api.keys", String.class).orElse(""));
    }

    /** {@code tenant:key,…} pairs and bare {@code files-api.keys}; malformed pairs are refused at startup. */
    static List<Entry> parse(String pairs, String defaultKeys) {
        List<Entry> entries = new ArrayList<>();
        for (String pair : pairs.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0 && colon < pair.strip().length() - 1) {
                entries.add(new Entry(pair.substring(0, colon).strip(),
                        pair.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String key : defaultKeys.split(",")) {
            if (!key.isBlank()) {
                entries.add(new Entry("default", key.strip().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }
}
