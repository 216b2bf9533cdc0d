package dev.uploadgateway.rollout.boundary;

import dev.uploadgateway.rollout.control.RolloutDecider;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** What callers may ask of the rollout. */
@Stateless
public class RolloutService {

    @Inject
    RolloutDecider decider;

    public RolloutSettings settings() {
        return decider.current();
    }
}
