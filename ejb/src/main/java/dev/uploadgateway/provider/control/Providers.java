package dev.uploadgateway.provider.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.problem.entity.TooLarge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/** Finds the adapter a caller asked for and checks the request against that provider's limits. */
@ApplicationScoped
public class Providers {

    @Inject
    @Any
    Instance<FileProvider> adapters;
    @Inject
    Config config;
    private volatile Map<String, FileProvider> byName;

    /** What the caller gets: the adapter and the resolved purpose. */
    public record Target(FileProvider provider, String purpose) {
    }

    /** Resolves the provider (blank → default) and the purpose (blank → provider default). */
    public Target target(String requestedProvider, String requestedPurpose) {
        String name = blank(requestedProvider) ? config.getValue("upload.default-provider", String.class) : requestedProvider.trim();
        FileProvider provider = byName().get(name);
        if (provider == null) {
            throw new Refused(ProblemType.UNKNOWN_PROVIDER,
                    "Provider '" + name + "' is not known; use one of " + byName().keySet() + ".");
        }
        ProviderConfig settings = new ProviderConfig(config, name);
        if (!LocalProvider.NAME.equals(name) && settings.apiKey().isEmpty()) {
            throw new Refused(ProblemType.PROVIDER_NOT_CONFIGURED,
                    "Provider '" + name + "' has no API key on this gateway (provider." + name + ".api-key).");
        }
        String purpose = blank(requestedPurpose) ? settings.defaultPurpose() : requestedPurpose.trim();
        if (!settings.purposes().contains(purpose)) {
            throw new Refused(ProblemType.PURPOSE_NOT_ALLOWED,
                    "Provider '" + name + "' does not take purpose '" + purpose + "'; use one of "
                            + settings.purposes() + ".");
        }
        return new Target(provider, purpose);
    }

    /** @throws TooLarge when the file exceeds the provider's limit for the purpose */
    public void checkSize(Target target, long bytes) {
        long max = new ProviderConfig(config, target.provider().name()).maxBytes(target.purpose());
        if (bytes > max) {
            throw new TooLarge("The file has " + bytes + " bytes; provider '" + target.provider().name()
                    + "' takes at most " + max + " bytes for purpose '" + target.purpose() + "'.");
        }
    }

    /** The adapter a stored upload went to. */
    public FileProvider byName(String name) {
        FileProvider provider = byName().get(name);
        if (provider == null) {
            throw new IllegalStateException("no adapter named '" + name + "'");
        }
        return provider;
    }

    private Map<String, FileProvider> byName() {
        Map<String, FileProvider> known = byName;
        if (known == null) {
            // once: the adapters are application-scoped beans, fixed for the deployment's life
            Map<String, FileProvider> map = new TreeMap<>();
            adapters.forEach(a -> map.put(a.name(), a));
            known = Collections.unmodifiableMap(map);
            byName = known;
        }
        return known;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
