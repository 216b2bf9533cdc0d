package dev.uploadgateway.it;

import dev.uploadgateway.rollout.control.RolloutClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rollout's clock moved by {@code test.clock-shift-seconds} (a file of the config directory, so a
 * test moves time while the gateway runs). Added to a copy of the real WAR by tests of promotion
 * windows; never part of the shipped WAR.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class ShiftedClock extends RolloutClock {

    @Override
    public Instant now() {
        long shift = ConfigProvider.getConfig().getOptionalValue("test.clock-shift-seconds", Long.class).orElse(0L);
        return Instant.now().plusSeconds(shift);
    }
}
