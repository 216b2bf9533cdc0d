package dev.uploadgateway.security.entity;

/** The {@code WWW-Authenticate} challenges the gateway answers a 401 with. */
public final class Challenge {

    /** The operator's (and a tenant's) user name and password. */
    public static final String BASIC = "Basic realm=\"upload-gateway\", charset=\"UTF-8\"";
    /** A tenant's API key. */
    public static final String BEARER = "Bearer realm=\"upload-gateway\"";

    private Challenge() {
    }
}
