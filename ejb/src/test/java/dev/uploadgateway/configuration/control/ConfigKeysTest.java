package dev.uploadgateway.configuration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeysTest {

    private static List<String> problemsWith(String key, String value) {
        Map<String, String> values = new HashMap<>(Map.of(
                ConfigKeys.ASYNC_ENABLED, "false", ConfigKeys.ASYNC_ROLLOUT, "0", ConfigKeys.ASYNC_FALLBACK, "true",
                ConfigKeys.ASYNC_MAX_RETRIES, "2", ConfigKeys.ASYNC_TIMEOUT, "30",
                ConfigKeys.STICKINESS_HEADER, "X-Request-Id", ConfigKeys.ROLLOUT_SALT, "s",
                ConfigKeys.DEFAULT_PROVIDER, "local"));
        values.put(key, value);
        return ConfigKeys.problems(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void acceptsTheDefaults() {
        assertEquals(List.of(), problemsWith(ConfigKeys.ASYNC_ROLLOUT, "0"));
    }

    @Test
    void namesTheKeyOfARolloutAboveHundred() {
        List<String> problems = problemsWith(ConfigKeys.ASYNC_ROLLOUT, "150");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("async.upload.rollout "), problems.get(0));
        assertTrue(problems.get(0).contains("150"), problems.get(0));
    }

    @Test
    void refusesNegativeRetries() {
        assertTrue(problemsWith(ConfigKeys.ASYNC_MAX_RETRIES, "-1").get(0).startsWith("async.upload.max-retries "));
    }

    @Test
    void refusesYesForABoolean() {
        assertTrue(problemsWith(ConfigKeys.ASYNC_ENABLED, "yes").get(0).startsWith("async.upload.enabled "));
        assertTrue(problemsWith(ConfigKeys.ASYNC_FALLBACK, "1").get(0).startsWith("async.upload.fallback "));
    }

    @Test
    void refusesAnUnknownDefaultProvider() {
        assertTrue(problemsWith(ConfigKeys.DEFAULT_PROVIDER, "openai").get(0).startsWith("upload.default-provider "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.01", "12.5", "100", " 50 "})
    void takesPercentagesFromZeroToHundredWithFractions(String raw) {
        assertNull(ConfigKeys.checkPercent(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "100.5", "ten", "", "NaN"})
    void refusesWhatIsNotAPercentage(String raw) {
        assertNotNull(ConfigKeys.checkPercent(raw));
    }

    @org.junit.jupiter.api.Test
    void acceptsTenantKeyPairsAndRefusesMalformedOnesWithoutEchoingTheKey() {
        org.junit.jupiter.api.Assertions.assertNull(ConfigKeys.checkApiKeys("acme:k1,acme:k2, globex.eu:k3"));
        org.junit.jupiter.api.Assertions.assertNull(ConfigKeys.checkApiKeys(""));
        for (String bad : java.util.List.of("zz9-without-tenant", "Acme:zz9", "acme:", "anonymous:zz9", "remote:zz9",
                "a b:zz9")) {
            String problem = ConfigKeys.checkApiKeys(bad);
            org.junit.jupiter.api.Assertions.assertNotNull(problem, bad);
            org.junit.jupiter.api.Assertions.assertFalse(problem.contains("zz9"), problem);
        }
    }
}
