package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fault Tolerance's override keys in microprofile-config.properties name a class, a method, an
 * annotation and its parameter; a rename of any of them silently turns the override off (the
 * annotation's own values would apply). This test fails instead.
 */
class FaultToleranceKeysTest {

    private static final Pattern KEY = Pattern.compile("([\\w.]+)/(\\w+)/(\\w+)/(\\w+)");

    @Test
    void everyOverrideKeyNamesAnAnnotatedMethodAndOneOfItsParameters() throws Exception {
        Properties packaged = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            packaged.load(in);
        }
        List<String> keys = packaged.stringPropertyNames().stream().filter(k -> KEY.matcher(k).matches()).sorted().toList();
        assertTrue(keys.size() >= 5, "the async path's retry and timeout keys: " + keys);
        for (String key : keys) {
            Matcher m = KEY.matcher(key);
            assertTrue(m.matches());
            Class<?> type = Class.forName(m.group(1));
            Method method = Arrays.stream(type.getMethods()).filter(x -> x.getName().equals(m.group(2))).findFirst()
                    .orElseThrow(() -> new AssertionError(key + ": " + type.getSimpleName() + " has no method " + m.group(2)));
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> annotation = (Class<? extends Annotation>)
                    Class.forName("org.eclipse.microprofile.faulttolerance." + m.group(3));
            assertTrue(method.isAnnotationPresent(annotation), key + ": the method carries no @" + m.group(3));
            annotation.getMethod(m.group(4)); // throws when the parameter does not exist
        }
    }

    @Test
    void theDeadlineCoversEveryAttemptEveryDelayAndARetryAfter() throws IOException {
        assertEquals(3 * 30_000 + 2 * 700 + 60_000, AsyncDeadline.millis(2, 30, 500, 200), "the shipped values");
        assertTrue(AsyncDeadline.millis(2, 300, 500, 200) > 3 * 300_000,
                "three 300 s attempts fit, where the fixed 600 s cap cut the third short");
        assertEquals(AsyncDeadline.KEY, new AsyncDeadline().getPropertyNames().iterator().next());
    }
}
