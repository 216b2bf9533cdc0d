package dev.uploadgateway.upload.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whose records a caller works with. Every upload belongs to the tenant that sent it; queries for
 * records and files take a tenant and select only its rows (an operator's tenant sees every row).
 *
 * @param name the tenant an API key belongs to, {@value #ANONYMOUS} for callers without a key where
 *             anonymous uploads are open, or the operator's name
 * @param seesAll whether the caller may see every tenant's records (role rollout-admin)
 */
public record Tenant(String name, boolean seesAll) {

    public static final String ANONYMOUS = "anonymous";
    /** The tenant of keys given as {@code files-api.keys}. */
    public static final String DEFAULT = "default";
    /** The tenant of uploads through the remote EJB view. */
    public static final String REMOTE = "remote";

    public static Tenant of(String name) {
        return new Tenant(name, false);
    }

    /**
     * The Idempotency-Key as stored: qualified by the tenant and hashed, so two tenants may use the
     * same key without one replaying the other's upload, and the column's length holds any key.
     */
    public String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return name + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
