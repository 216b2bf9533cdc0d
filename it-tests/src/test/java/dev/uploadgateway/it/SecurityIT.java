package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.testkit.MultipartForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The doors a hostile caller tries: every operator action through every path and method variant
 * without credentials, malformed credentials, a cross-origin page, two operators racing, and
 * guessing passwords. Nothing of it may move the rollout.
 */
class SecurityIT extends GatewayIT {

    private static final String PASSWORD = System.getProperty("gateway.admin-password");
    private static final String ADMIN = basic("admin:" + PASSWORD);
    private static final List<String> ACTIONS = List.of("promote", "rollback", "pause", "resume", "evaluate");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404, 405);

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private int port() {
        return deployment.getPort();
    }

    private JsonObject rollout() throws Exception {
        return gateway.get("api/rollout").json();
    }

    /** Moves by operators in the audit trail (the controller's own verdicts come and go on their timer). */
    private long events() throws Exception {
        return gateway.get("api/rollout/events?limit=500").jsonStructure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(e -> "OPERATOR".equals(e.getString("actor"))).count();
    }

    @Test
    void noPathOrMethodVariantOfAnOperatorActionActsWithoutCredentials() throws Exception {
        JsonObject before = rollout();
        long eventsBefore = events();
        List<String> answered = new ArrayList<>();
        for (String action : ACTIONS) {
            String encoded = "%" + Integer.toHexString(action.charAt(0)) + action.substring(1);
            List<String> targets = List.of("/api/rollout/" + action, "/api/rollout/" + action + "/",
                    "/api/rollout/" + action + ";", "/api/rollout/" + action + ";x=1", "/api/rollout/" + action + "/;",
                    "/api/rollout/" + action + "?x=1", "/api/rollout/" + action + "/?x=1", "/api/rollout//" + action,
                    "//api/rollout/" + action, "/api/rollout/./" + action, "/api/./rollout/" + action + "/",
                    "/api/rollout/x/../" + action, "/api/rollout/" + encoded, "/api/rollout/" + action + "%2F",
                    "/api/rollout/" + action.toUpperCase());
            for (String target : targets) {
                for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "GET")) {
                    RawHttp.Answer answer = RawHttp.send(port(), method, target, "");
                    answered.add(method + " " + target + " -> " + answer.status());
                    assertTrue(REFUSED.contains(answer.status()), method + " " + target + " answered " + answer.status());
                }
                RawHttp.Answer overridden = RawHttp.send(port(), "GET", target, "X-HTTP-Method-Override: POST\r\n"
                        + "X-HTTP-Method: POST\r\nX-Method-Override: POST\r\n");
                assertTrue(REFUSED.contains(overridden.status()), "GET+override " + target + " answered " + overridden.status());
            }
        }
        JsonObject after = rollout();
        assertEquals(before.getInt("stage"), after.getInt("stage"), String.join("\n", answered));
        assertEquals(before.getBoolean("paused"), after.getBoolean("paused"));
        assertEquals(before.getJsonNumber("percent").doubleValue(), after.getJsonNumber("percent").doubleValue());
        assertEquals(eventsBefore, events(), "no audit record from any refused request");
    }

    @Test
    void answersMalformedAndWrongCredentialsWith401AndAProblem() throws Exception {
        for (String authorization : List.of("Basic !!!not-base64!!!", basic("no-colon-here"), "Basic ",
                basic(":" + PASSWORD), basic("admin:wrong"), basic("intruder:" + PASSWORD), "Basic " + "A".repeat(5000),
                "basic " + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, (byte) 0xfe, ':', 'x'}))) {
            RawHttp.Answer answer = RawHttp.send(port(), "POST", "/api/rollout/pause", "Authorization: " + authorization + "\r\n");
            assertEquals(401, answer.status(), authorization.substring(0, Math.min(40, authorization.length())));
            assertEquals("application/problem+json", answer.header("Content-Type"));
            assertTrue(answer.header("WWW-Authenticate").startsWith("Basic realm="), answer.headers().toString());
            assertTrue(json(answer.body()).getString("type").endsWith("/unauthorized"), answer.body());
        }
        RawHttp.Answer anonymous = RawHttp.send(port(), "POST", "/api/rollout/pause/", "");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic realm="));
        assertEquals(false, rollout().getBoolean("paused"));
    }

    @Test
    void refusesAMoveFromAnotherOriginEvenWithCredentials() throws Exception {
        for (String crossSite : List.of("Origin: http://evil.example\r\n", "Origin: null\r\n",
                "Origin: http://127.0.0.1:1\r\n", "Sec-Fetch-Site: cross-site\r\n", "Sec-Fetch-Site: same-site\r\n")) {
            RawHttp.Answer answer = RawHttp.send(port(), "POST", "/api/rollout/pause",
                    "Authorization: " + ADMIN + "\r\n" + crossSite);
            assertEquals(403, answer.status(), crossSite + answer.body());
            assertTrue(json(answer.body()).getString("type").endsWith("/cross-origin-request"), answer.body());
        }
        assertEquals(false, rollout().getBoolean("paused"), "no cross-origin request paused the rollout");
        String sameOrigin = "Authorization: " + ADMIN + "\r\nOrigin: http://127.0.0.1:" + port()
                + "\r\nSec-Fetch-Site: same-origin\r\n";
        assertEquals(200, RawHttp.send(port(), "POST", "/api/rollout/pause", sameOrigin).status());
        assertEquals(200, RawHttp.send(port(), "POST", "/api/rollout/resume", sameOrigin).status());
    }

    @Test
    void recordsTheAuthenticatedOperatorInTheAudit() throws Exception {
        RawHttp.Answer paused = RawHttp.send(port(), "POST", "/api/rollout/pause", "Authorization: " + ADMIN + "\r\n");
        assertEquals(200, paused.status(), paused.body());
        assertEquals("admin", json(paused.body()).getString("by"));
        RawHttp.Answer resumed = RawHttp.send(port(), "POST", "/api/rollout/resume", "Authorization: " + ADMIN + "\r\n");
        assertEquals(200, resumed.status(), resumed.body());
        JsonObject newest = gateway.get("api/rollout/events?limit=1").jsonStructure().asJsonArray().getJsonObject(0);
        assertEquals("resume", newest.getString("action"));
        assertEquals("OPERATOR", newest.getString("actor"));
        assertEquals("admin", newest.getString("by"));
    }

    @Test
    void checksCredentialsWithoutChangingAnything() throws Exception {
        long before = events();
        RawHttp.Answer me = RawHttp.send(port(), "GET", "/api/rollout/operator", "Authorization: " + ADMIN + "\r\n");
        assertEquals(200, me.status(), me.body());
        assertEquals("admin", json(me.body()).getString("name"));
        assertEquals(401, RawHttp.send(port(), "GET", "/api/rollout/operator", "").status());
        assertEquals(before, events(), "logging in wrote no audit record");
    }

    @Test
    void ofTwoConcurrentPromotesFromTheSameStageExactlyOneMoves() throws Exception {
        int stage = rollout().getInt("stage");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> promote = () -> {
            start.await();
            return RawHttp.send(port(), "POST", "/api/rollout/promote?from=" + stage, "Authorization: " + ADMIN + "\r\n")
                    .status();
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(promote);
            Future<Integer> second = two.submit(promote);
            start.countDown();
            List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
            assertEquals(stage + 1, rollout().getInt("stage"), "moved exactly one stage");
            RawHttp.Answer stale = RawHttp.send(port(), "POST", "/api/rollout/rollback?from=" + stage,
                    "Authorization: " + ADMIN + "\r\n");
            assertEquals(409, stale.status(), "a move from a stage the rollout has left");
            assertTrue(json(stale.body()).getString("detail").contains("from=" + stage), stale.body());
        } finally {
            two.shutdownNow();
            readoptFifty();
        }
    }

    @Test
    void throttlesAClientAddressThatKeepsSendingWrongCredentials() throws Exception {
        // from a loopback address of its own, so the other tests' client (127.0.0.1) is not throttled
        String guesser = "127.0.0.77";
        int burst = Integer.getInteger("gateway.failed-login-burst");
        for (int i = 0; i < burst; i++) {
            assertEquals(401, RawHttp.send(guesser, port(), "POST", "/api/rollout/pause",
                    "Authorization: " + basic("admin:guess-" + i) + "\r\n", new byte[0]).status());
        }
        RawHttp.Answer throttled = RawHttp.send(guesser, port(), "POST", "/api/rollout/pause",
                "Authorization: " + ADMIN + "\r\n", new byte[0]);
        assertEquals(429, throttled.status(), "even the right password, once the address is throttled");
        assertTrue(Long.parseLong(throttled.header("Retry-After")) >= 1);
        assertTrue(json(throttled.body()).getString("type").endsWith("/too-many-failed-logins"), throttled.body());
        assertEquals(200, RawHttp.send(port(), "GET", "/api/rollout/operator", "Authorization: " + ADMIN + "\r\n").status(),
                "another address is not throttled");
        assertEquals(false, rollout().getBoolean("paused"));
    }

    private GatewayClient.Answer upload(String filename, String provider, Map<String, String> headers) throws Exception {
        MultipartForm form = new MultipartForm();
        if (provider != null) {
            form.field("provider", provider);
        }
        form.file("file", filename, "text/plain", GatewayDeployment.file("hostile.txt",
                ("content of " + filename).getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("api/uploads")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", form.contentType()).POST(form.publisher());
        headers.forEach(request::header);
        return gateway.send(request.build());
    }

    private static void assertProblem(GatewayClient.Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        assertTrue(answer.json().getString("type").endsWith("/" + type), answer.body());
    }

    @Test
    void refusesOverlongHeaderValuesWithTheLimitInTheDetail() throws Exception {
        GatewayClient.Answer key = upload("a.txt", null, Map.of("X-Request-Id", "k".repeat(600)));
        assertProblem(key, 400, "header-too-long");
        assertTrue(key.json().getString("detail").contains("512"), key.body());
        GatewayClient.Answer idempotency = upload("a.txt", null, Map.of("Idempotency-Key", "i".repeat(300)));
        assertProblem(idempotency, 400, "header-too-long");
        assertTrue(idempotency.json().getString("detail").contains("255"), idempotency.body());
    }

    @Test
    void refusesAnEncodedBodyNonNumericPagesAndBidirectionalFilenames() throws Exception {
        assertProblem(upload("a.txt", null, Map.of("Content-Encoding", "gzip")), 415, "content-encoding-unsupported");
        RawHttp.Answer emptyBoundary = RawHttp.send("127.0.0.1", port(), "POST", "/api/uploads",
                "Content-Type: multipart/form-data; boundary=\r\n", "0123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, emptyBoundary.status(), emptyBoundary.body());
        assertEquals("application/problem+json", emptyBoundary.header("Content-Type"), "a problem, not the server's HTML page");
        for (String path : List.of("api/uploads?limit=abc", "api/uploads?offset=1x", "api/rollout/events?limit=ten",
                "api/rollout/history?minutes=sixty")) {
            assertProblem(gateway.get(path), 400, "invalid-parameter");
        }
        for (String name : List.of("invoice\u202Efdp.exe", "c1\u0085name.txt", "iso\u2066x.txt")) {
            assertProblem(upload(name, null, Map.of()), 400, "invalid-filename");
        }
    }

    @Test
    void refusesAnIdempotencyKeyReplayedForAnotherProvider() throws Exception {
        String key = "hostile-" + System.nanoTime();
        assertEquals(201, upload("same.txt", "kimi", Map.of("Idempotency-Key", key)).status());
        assertEquals(200, upload("same.txt", "kimi", Map.of("Idempotency-Key", key)).status(), "a true replay");
        assertProblem(upload("same.txt", "glm", Map.of("Idempotency-Key", key)), 409, "idempotency-key-reused");
    }

    @Test
    void neutralisesSpreadsheetFormulasInTheCsvExports() throws Exception {
        String filename = "=HYPERLINK(\"evil.example\",\"x\").txt"; // a path separator would be refused as a filename
        assertEquals(201, upload(filename, null, Map.of("X-Request-Id", "@SUM(1+1)")).status());
        String csv = gateway.get("api/uploads.csv").body();
        var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        var row = records.stream().filter(r -> r.get("filename").endsWith("\").txt")).findFirst().orElseThrow();
        assertEquals("'" + filename, row.get("filename"));
        assertEquals("'@SUM(1+1)", row.get("stickiness_key"));
        for (var r : records) {
            for (String cell : r.values()) {
                assertTrue(cell.isEmpty() || "=+@\t\r".indexOf(cell.charAt(0)) < 0
                        || cell.startsWith("-") && cell.matches("-[0-9.]+"), "unsafe cell " + cell);
            }
        }
    }

    private GatewayClient.Answer as(String authorization, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.send(request.build());
    }

    private String uploadAs(String authorization, String name) throws Exception {
        GatewayClient.Answer answer = upload(name, "kimi", Map.of("Authorization", authorization));
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("id");
    }

    @Test
    void aTenantSeesOnlyItsOwnRecordsAndFilesAndAnOperatorSeesAll() throws Exception {
        String acme = "Bearer it-acme-key-1";
        String acmeRotated = "Bearer it-acme-key-2";
        String globex = "Bearer it-globex-key";
        String a = uploadAs(acme, "acme-" + System.nanoTime() + ".txt");
        String b = uploadAs(globex, "globex-" + System.nanoTime() + ".txt");

        for (String key : List.of(acme, acmeRotated)) {
            String list = as(key, "api/uploads?limit=500").body();
            assertTrue(list.contains(a) && !list.contains(b), list);
            assertEquals(200, as(key, "api/uploads/" + a).status());
            assertProblem(as(key, "api/uploads/" + b), 404, "upload-not-found");
            String csv = as(key, "api/uploads.csv").body();
            assertTrue(csv.contains(a) && !csv.contains(b), "CSV scoped to the tenant");
        }
        String files = as(globex, "v1/files").body();
        assertTrue(files.contains(b) && !files.contains(a), files);
        assertEquals(404, as(globex, "v1/files/file-" + a).status());
        assertEquals(404, as(globex, "v1/files/file-" + a + "/content").status());
        HttpRequest delete = HttpRequest.newBuilder(uri("v1/files/file-" + a)).header("Authorization", globex).DELETE().build();
        assertEquals(404, gateway.send(delete).status(), "another tenant cannot delete it");
        assertEquals(200, as(acme, "v1/files/file-" + a).status(), "still there for its tenant");

        String anonymous = as(null, "api/uploads?limit=500").body();
        assertTrue(!anonymous.contains(a) && !anonymous.contains(b), "anonymous callers see neither");
        String operator = as(ADMIN, "api/uploads?limit=500").body();
        assertTrue(operator.contains(a) && operator.contains(b), "the operator sees every tenant");
    }

    @Test
    void refusesAWrongApiKeyInEachApisOwnShape() throws Exception {
        GatewayClient.Answer api = upload("a.txt", null, Map.of("Authorization", "Bearer not-a-key"));
        assertProblem(api, 401, "api-key-required");
        assertTrue(api.header("WWW-Authenticate").startsWith("Bearer"), api.headers().toString());
        assertProblem(as("Bearer not-a-key", "api/uploads"), 401, "api-key-required");
        GatewayClient.Answer files = as("Bearer not-a-key", "v1/files");
        assertEquals(401, files.status());
        assertEquals("invalid_api_key", files.json().getJsonObject("error").getString("code"));
    }

    /** Back to the 50 % every test starts from, whatever stage a promote left. */
    private void readoptFifty() throws Exception {
        ConfigDir.set("async.upload.rollout", "49");
        gateway.awaitRollout(r -> r.getJsonNumber("percent").doubleValue() == 49, "rollout 49 %");
        ConfigDir.set("async.upload.rollout", "50");
        gateway.awaitRollout(r -> r.getJsonNumber("percent").doubleValue() == 50, "rollout 50 %");
    }
}
