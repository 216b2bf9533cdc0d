package dev.uploadgateway.it;

import dev.uploadgateway.rollout.control.StickyBucket;
import java.util.UUID;

/**
 * Stickiness keys chosen for the path a test needs. The gateway's hash is public knowledge (the
 * salt is configuration), so a test can pick a key that lands on either side of a percentage.
 */
final class Keys {

    static final String SALT = "upload-gateway";

    private Keys() {
    }

    /** A fresh key that is in the rollout at {@code percent} (async) or not (sync). */
    static String forPath(boolean async, double percent) {
        while (true) {
            String key = "it-" + UUID.randomUUID();
            if (StickyBucket.inRollout(SALT, key, percent) == async) {
                return key;
            }
        }
    }

    /** A key that is sync at {@code below} % and async at {@code atOrAbove} %. */
    static String movingBetween(double below, double atOrAbove) {
        while (true) {
            String key = "it-" + UUID.randomUUID();
            if (!StickyBucket.inRollout(SALT, key, below) && StickyBucket.inRollout(SALT, key, atOrAbove)) {
                return key;
            }
        }
    }
}
