package dev.uploadgateway.rollout.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerStateTest {

    /** The gauge rollout_controller_state is the ordinal: dashboards and alerts map these numbers. */
    @Test
    void keepsTheGaugeValueOfEveryStateOnceShipped() {
        assertEquals(List.of("HOLDING", "READY_TO_PROMOTE", "REVIEW", "ROLLED_BACK", "PAUSED", "COMPLETE",
                "AWAITING_APPROVAL", "WAITING_FOR_WINDOW"),
                Arrays.stream(ControllerState.values()).map(Enum::name).toList());
    }
}
