package dev.uploadgateway.resumable.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The completions this node is running now, so that the sweep takes up only those a crash or a
 * restart cut short (a tus upload's last PATCH acknowledged, its upload never made).
 */
@ApplicationScoped
public class Completions {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public void started(String parted) {
        running.add(parted);
    }

    public void ended(String parted) {
        running.remove(parted);
    }

    public boolean running(String parted) {
        return running.contains(parted);
    }
}
