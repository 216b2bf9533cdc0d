package dev.uploadgateway.rollout.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's place in the cluster that shares one rollout through the database: how long the
 * leader's lease runs (checked by {@code StartupValidation}), and the node's name and where it
 * answers, both optional. Fixed at startup.
 */
@ConfigProperties(prefix = "cluster")
@Dependent
public class ClusterSettings {

    static final String NODE_ID = "cluster.node-id";
    static final String NODE_URL = "cluster.node-url";

    @ConfigProperty(name = "lease-seconds")
    @Min(3)
    @Max(300)
    public int leaseSeconds;

    /** The configured name, or the host's name: unique per host unless several nodes share one. */
    static String node(Config config) {
        return config.getOptionalValue(NODE_ID, String.class).map(String::strip).filter(id -> !id.isEmpty())
                .orElseGet(ClusterSettings::hostName);
    }

    /** Where the node answers, null when not configured (an empty value reads as unset). */
    static String baseUrl(Config config) {
        return config.getOptionalValue(NODE_URL, String.class).map(String::strip).filter(url -> !url.isEmpty())
                .orElse(null);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
