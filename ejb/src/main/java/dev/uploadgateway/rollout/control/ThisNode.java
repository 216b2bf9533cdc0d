package dev.uploadgateway.rollout.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        id = config.getOptionalValue("cluster.node-id", String.class).map(String::strip).filter(v -> !v.isEmpty())
                .orElseGet(ThisNode::hostName); // unique per host unless several nodes share one
        baseUrl = config.getOptionalValue("cluster.node-url", String.class).map(String::strip)
                .filter(v -> !v.isEmpty()).orElse(null); // an empty value reads as unset
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public String id() {
        return id;
    }

    /** Null when {@code cluster.node-url} is not set. */
    public String baseUrl() {
        return baseUrl;
    }
}
