package dev.uploadgateway.rollout.entity;

/**
 * The last async outcomes of the stage, at most the recent window: how many, how many the async
 * path delivered and how many failed for the user. Cheap to take after every upload.
 */
public record RecentOutcomes(int window, long trials, long successes, long errors) {

    public boolean full() {
        return trials >= window;
    }
}
