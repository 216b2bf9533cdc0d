package dev.uploadgateway.emulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The numeric query parameters of a control-plane request; a bad or missing one is the caller's error. */
final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    static QueryParams of(URI uri) {
        Map<String, String> values = new HashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return new QueryParams(values);
    }

    long number(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("query parameter '" + name + "' is required"));
    }

    int count(String name) {
        return Math.toIntExact(number(name));
    }

    OptionalLong optional(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number, was '" + value + "'", e);
        }
    }
}
