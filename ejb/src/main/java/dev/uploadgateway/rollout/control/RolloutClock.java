package dev.uploadgateway.rollout.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time the rollout's decisions are made at: stage durations, promotion windows, inconclusive
 * stages. The system clock; a bean of its own so that a test deployment can move the rollout's time.
 */
@ApplicationScoped
public class RolloutClock {

    public Instant now() {
        return Instant.now();
    }
}
