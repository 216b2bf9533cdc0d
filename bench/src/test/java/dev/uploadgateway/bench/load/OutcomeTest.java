package dev.uploadgateway.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void namesTheGatewayPathOfASuccess() {
        Outcome o = Outcome.answered(201, "{\"id\":\"x\",\"path\":\"sync_fallback\",\"attempts\":3}", 5);
        assertEquals(Outcome.Kind.OK, o.kind());
        assertEquals("sync_fallback", o.detail());
    }

    @Test
    void countsAProviderAnswerWithoutPathAsPlainSuccess() {
        assertEquals("ok", Outcome.answered(200, "{\"id\":\"file-1\",\"object\":\"file\"}", 1).detail());
    }

    @Test
    void countsTheSyncPathsOutOfMemoryApart() {
        Outcome o = Outcome.answered(503, "{\"type\":\"https://upload-gateway.dev/problems/sync-path-out-of-memory\"}", 1);
        assertEquals(Outcome.Kind.OOM, o.kind());
    }

    @Test
    void countsABusyGatewayAsAnErrorWithItsProblemType() {
        Outcome o = Outcome.answered(503, "{\"type\":\"https://upload-gateway.dev/problems/gateway-busy\",\"status\":503}", 1);
        assertEquals(Outcome.Kind.ERROR, o.kind());
        assertEquals("503 gateway-busy", o.detail());
    }

    @Test
    void countsTheGatewaysTimeoutAndTheClientsDeadlineAsTimeouts() {
        assertEquals(Outcome.Kind.TIMEOUT, Outcome.answered(504, "{\"type\":\"/problems/provider-timeout\"}", 1).kind());
        assertEquals(Outcome.Kind.TIMEOUT, Outcome.failed(new CompletionException(new HttpTimeoutException("t")), 1).kind());
        assertEquals(Outcome.Kind.TIMEOUT, Outcome.failed(new HttpConnectTimeoutException("t"), 1).kind());
    }

    @Test
    void countsABrokenConnectionAsAnError() {
        assertEquals("no answer: connect refused", Outcome.failed(new CompletionException(new ConnectException()), 1).detail());
        assertEquals("no answer: IOException", Outcome.failed(new IOException("reset"), 1).detail());
    }

    @Test
    void countsAnErrorPageWithoutProblemBody() {
        assertEquals("500 -", Outcome.answered(500, "<html>oops</html>", 1).detail());
    }
}
