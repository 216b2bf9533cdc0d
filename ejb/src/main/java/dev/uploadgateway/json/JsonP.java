package dev.uploadgateway.json;

import dev.uploadgateway.json.JsonP;
import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. {@code JsonP.PROVIDER.createReader} and the other static factories
 * look the provider up again on every call — a class-path search through the server's jars that
 * was 10 % of the gateway's CPU and a lock contended by every upload in the benchmark's profile.
 * A provider is thread-safe and meant to be reused.
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
