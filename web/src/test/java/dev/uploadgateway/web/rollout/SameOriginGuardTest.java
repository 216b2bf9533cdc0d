package dev.uploadgateway.web.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameOriginGuardTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080, 127.0.0.1:8080, true",
            "http://GATEWAY.example, gateway.example, true",
            "https://gateway.example, gateway.example:443, true",
            "http://gateway.example:80, gateway.example, true",
            "http://evil.example, gateway.example, false",
            "http://127.0.0.1:1, 127.0.0.1:8080, false",
            "null, 127.0.0.1:8080, false",
            "http://gateway.example.evil.example, gateway.example, false",
            "'http://a b', gateway.example, false"})
    void comparesTheOriginWithTheHostTheRequestWasSentTo(String origin, String host, boolean same) {
        assertEquals(same, SameOriginGuard.sameHost(origin, host));
    }
}
