package dev.uploadgateway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(byte[] raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void splitsAtTheFirstColonSoPasswordsMayHoldColons() {
        var login = BasicCredentials.parse(basic("admin:pa:ss".getBytes(StandardCharsets.UTF_8))).orElseThrow();
        assertEquals("admin", login.getCaller());
        assertEquals("pa:ss", login.getPasswordAsString());
    }

    @Test
    void acceptsTheSchemeInAnyCaseAndUtf8Names() {
        var login = BasicCredentials.parse("bAsIc " + Base64.getEncoder().encodeToString(
                "änne:ß".getBytes(StandardCharsets.UTF_8))).orElseThrow();
        assertEquals("änne", login.getCaller());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!", "Basic ", "Basic YWRtaW4=", "Basic OnNlY3JldA==", "Basic YWRtaW46c2VjcmV0=="
            + "=====", "Bearer abc", "Basicabc"})
    void refusesWhatDoesNotDecodeToUserColonPassword(String header) {
        assertTrue(BasicCredentials.parse(header).isEmpty(), header);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertTrue(BasicCredentials.parse(basic(new byte[]{(byte) 0xff, (byte) 0xfe, ':', 'x'})).isEmpty());
    }

    @Test
    void refusesAnOverlongHeaderWithoutDecodingIt() {
        String longOne = basic(("admin:" + "x".repeat(BasicCredentials.MAX_HEADER)).getBytes(StandardCharsets.UTF_8));
        assertTrue(BasicCredentials.parse(longOne).isEmpty());
        assertTrue(BasicCredentials.claimed(longOne));
    }

    @Test
    void claimsOnlyTheBasicScheme() {
        assertTrue(BasicCredentials.claimed("basic x"));
        assertFalse(BasicCredentials.claimed("Bearer x"));
        assertFalse(BasicCredentials.claimed(null));
    }
}
