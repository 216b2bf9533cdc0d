package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BadValueWarningTest {

    private final BadValueWarning warnings = new BadValueWarning();

    @Test
    void logsABadValueOnceHoweverOftenItIsRead() {
        assertTrue(warnings.warn("async.upload.rollout", "150", "above 100"));
        for (int i = 0; i < 1000; i++) {
            assertFalse(warnings.warn("async.upload.rollout", "150", "above 100"));
        }
    }

    @Test
    void logsAnotherBadValueAndTheSameOneAfterAGoodOne() {
        assertTrue(warnings.warn("async.upload.rollout", "150", "above 100"));
        assertTrue(warnings.warn("async.upload.rollout", "abc", "not a number"));
        warnings.good("async.upload.rollout");
        assertTrue(warnings.warn("async.upload.rollout", "abc", "not a number"));
        assertTrue(warnings.warn("async.upload.enabled", "abc", "not a boolean"), "keys are apart");
    }
}
