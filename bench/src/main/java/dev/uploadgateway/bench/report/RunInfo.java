package dev.uploadgateway.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facts about a run that are not measurements: how it was started, on what, with which
 * settings. {@code jfrFromBoot}: the gateway JVMs recorded JFR from their start (profile passes planned);
 * {@code latency}: the gateway's stage-1 latency rule, as the measured WAR ships it; {@code warmUp}:
 * the rule that decided how long each target was warmed up.
 */
public record RunInfo(String mode, String command, Instant started, Duration took, long providerLatencyMs, String heap,
                      int clientTimeoutSeconds, int asyncTimeoutSeconds, Map<String, String> machine,
                      List<String> gatewayRestarts, boolean jfrFromBoot, LatencyCriterion latency,
                      dev.uploadgateway.bench.plan.WarmUpRule warmUp) {

    public RunInfo {
        machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine));
        gatewayRestarts = List.copyOf(gatewayRestarts);
    }

    /** The heap limit in MiB, for the charts' reference line. */
    public double heapLimitMiB() {
        String h = heap.toLowerCase();
        double n = Double.parseDouble(h.replaceAll("[^0-9.]", ""));
        return h.endsWith("g") ? n * 1024 : h.endsWith("k") ? n / 1024 : n;
    }
}
