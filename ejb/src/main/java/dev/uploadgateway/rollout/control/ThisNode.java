package dev.uploadgateway.rollout.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** This node's name in the cluster ({@code cluster.node-id}, else the host's name) and where it answers, read once. */
@ApplicationScoped
public class ThisNode {

    @Inject
    Config config;

    private String id;
    private String baseUrl;

    @PostConstruct
    void read() {
        id = ClusterSettings.node(config);
        baseUrl = ClusterSettings.baseUrl(config);
    }

    public String id() {
        return id;
    }

    /** Null when {@code cluster.node-url} is not set. */
    public String baseUrl() {
        return baseUrl;
    }
}
