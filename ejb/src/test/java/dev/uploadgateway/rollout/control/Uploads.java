package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Instant;

/** Finished uploads for the unit tests, fed into a stage window. */
final class Uploads {

    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private Uploads() {
    }

    static Outcome async(long ms) {
        return new Outcome(UploadPath.ASYNC, true, null, ms, 1_000, T0);
    }

    static Outcome sync(long ms) {
        return new Outcome(UploadPath.SYNC, true, null, ms, 1_000, T0);
    }

    /** Failed on the async path; the sync fallback delivered it, or not. */
    static Outcome fellBack(boolean delivered) {
        return new Outcome(UploadPath.SYNC_FALLBACK, delivered, "provider-unavailable", 30_000, 1_000, T0);
    }

    static Outcome failed(UploadPath path, String errorClass) {
        return new Outcome(path, false, errorClass, 100, 1_000, T0);
    }

    static void record(StageWindow window, int times, Outcome outcome) {
        for (int i = 0; i < times; i++) {
            window.record(outcome);
        }
    }
}
