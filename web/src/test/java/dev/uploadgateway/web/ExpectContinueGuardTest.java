package dev.uploadgateway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.upload.entity.RequestSize;
import org.junit.jupiter.api.Test;

class ExpectContinueGuardTest {

    private static final long MAX = 1_000_000;
    private static final long REFUSED = RequestSize.largest(MAX) + 1;

    @Test
    void withholdsTheAckForAnUploadTheResourceRefusesFromItsLength() {
        assertTrue(ExpectContinueGuard.withholds("POST", "/api/uploads", REFUSED, MAX, ""));
        assertTrue(ExpectContinueGuard.withholds("POST", "/v1/files", REFUSED, MAX, ""));
        assertTrue(ExpectContinueGuard.withholds("POST", "/api/uploads/", REFUSED, MAX, ""));
        assertTrue(ExpectContinueGuard.withholds("POST", "/api/uploads;x=1", REFUSED, MAX, ""));
        assertTrue(ExpectContinueGuard.withholds("POST", "/gw/api/uploads", REFUSED, MAX, "/gw"));
    }

    @Test
    void acknowledgesEverythingTheGatewayWouldRead() {
        assertFalse(ExpectContinueGuard.withholds("POST", "/api/uploads", REFUSED - 1, MAX, ""), "at the limit");
        assertFalse(ExpectContinueGuard.withholds("POST", "/api/uploads", -1, MAX, ""), "no Content-Length (chunked)");
        assertFalse(ExpectContinueGuard.withholds("PUT", "/api/uploads", REFUSED, MAX, ""));
        assertFalse(ExpectContinueGuard.withholds("POST", "/api/uploadsx", REFUSED, MAX, ""));
        assertFalse(ExpectContinueGuard.withholds("POST", "/other-app/upload", REFUSED, MAX, ""), "another application");
        assertFalse(ExpectContinueGuard.withholds("POST", "/api/uploads", REFUSED, MAX, "/gw"), "outside this context");
        assertFalse(ExpectContinueGuard.withholds("POST", null, REFUSED, MAX, ""));
    }
}
