package dev.uploadgateway.trace.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    /** A Config that answers getOptionalValue(key, Boolean.class) from {@code values}, as MicroProfile's converter would for true/false. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue") || args[1] != Boolean.class) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Optional.ofNullable(values.get((String) args[0])).map(Boolean::valueOf);
                });
    }

    @Test
    void isOffUnlessSdkDisabledIsFalse() {
        assertFalse(Telemetry.on(config(Map.of())), "MicroProfile Telemetry's default");
        assertFalse(Telemetry.on(config(Map.of("otel.sdk.disabled", "true"))));
        assertTrue(Telemetry.on(config(Map.of("otel.sdk.disabled", "false"))));
    }
}
