package dev.uploadgateway.rollout.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Places a stickiness key into one of 10 000 buckets (0.01 % resolution) by a salted SHA-256, and
 * a percentage into a bucket threshold. A key is in the rollout when its bucket is below the
 * threshold, so raising the percentage only ever adds keys: the assignment is monotone.
 */
public final class StickyBucket {

    public static final int BUCKETS = 10_000;

    private StickyBucket() {
    }

    /** The key's bucket in {@code [0, 10000)}; the same salt and key always give the same bucket. */
    public static int of(String salt, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
            // 2^64 mod 10 000 leaves a bias of about 1e-15: negligible.
            return (int) Long.remainderUnsigned(value, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** How many buckets a percentage in [0, 100] covers; fractions round to the nearest 0.01 %. */
    public static int threshold(double percent) {
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be within [0, 100], was " + percent);
        }
        return (int) Math.round(percent * (BUCKETS / 100.0));
    }

    public static boolean inRollout(String salt, String key, double percent) {
        return inRollout(of(salt, key), percent);
    }

    /** Whether a key's bucket takes the async path at {@code percent}: the rule every decision applies. */
    public static boolean inRollout(int bucket, double percent) {
        return bucket < threshold(percent);
    }
}
