package dev.uploadgateway.provider.control;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Just enough of MicroProfile Config for ProviderConfig: values from a map. */
final class MapConfig {

    private MapConfig() {
    }

    static Config of(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getValue" -> convert(values.get((String) args[0]), (Class<?>) args[1]);
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]))
                            .map(v -> convert(v, (Class<?>) args[1]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object convert(String value, Class<?> type) {
        if (value == null) {
            throw new NoSuchElementException();
        }
        return type == Long.class ? Long.valueOf(value) : value;
    }
}
