package dev.uploadgateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback (what a collector's {@code otlp} receiver is on port 4318):
 * takes {@code POST /v1/traces} with a protobuf {@code ExportTraceServiceRequest} and keeps every span
 * in arrival order, with its resource's attributes.
 */
final class OtlpReceiver implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    /** One received span, ids in lower-case hex as W3C traceparent writes them; parentSpanId "" for a root. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
                        Map<String, Object> attributes, Map<String, Object> resource) {

        Object attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private int requests;

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", receiver::export);
        server.start();
        return receiver;
    }

    /** The base URL for {@code otel.exporter.otlp.endpoint}; the exporter adds {@code /v1/traces}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            keep(request);
            // an empty ExportTraceServiceResponse: full success
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private synchronized void keep(ExportTraceServiceRequest request) {
        requests++;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, Object> resource = values(resourceSpans.getResource());
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(HEX.formatHex(span.getTraceId().toByteArray()),
                            HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name(), values(span.getAttributesList()), resource));
                }
            }
        }
        notifyAll();
    }

    private static Map<String, Object> values(Resource resource) {
        return values(resource.getAttributesList());
    }

    private static Map<String, Object> values(List<KeyValue> attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            AnyValue value = attribute.getValue();
            values.put(attribute.getKey(), switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> value.getIntValue();
                case BOOL_VALUE -> value.getBoolValue();
                case DOUBLE_VALUE -> value.getDoubleValue();
                default -> value.toString();
            });
        }
        return values;
    }

    synchronized List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    synchronized int requests() {
        return requests;
    }

    /** Waits until the spans received so far satisfy {@code done}, at most {@code timeout}; returns them either way. */
    synchronized List<ReceivedSpan> await(Predicate<List<ReceivedSpan>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(spans)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
