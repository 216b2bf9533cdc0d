package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.plan.Cell;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row per target and cell; heap and RSS in MiB, latency and CPU in ms, blank where not
 * measured. Columns are only ever added (read by name, see {@link ResultsCsvReader}), so that an
 * earlier run's file stays a baseline: the CPU columns came with the payara-floor target, and
 * {@code size_mib} is a fraction for files under 1 MiB.
 */
public final class ResultsCsv {

    static final List<String> HEADER = List.of("cell", "size_mib", "concurrency", "target", "requests_planned", "sent", "ok",
            "errors", "timeouts", "ooms", "wall_s", "uploads_per_s", "mib_per_s", "p50_ms", "p95_ms", "p99_ms", "mean_ms",
            "max_ms", "heap_quiet_before_mib", "heap_quiet_after_mib", "heap_live_at_probe_mib", "in_flight_at_probe", "heap_per_in_flight_kib",
            "heap_peak_mib", "heap_peak_used_mib", "rss_peak_mib", "gc_pauses", "gc_pause_ms", "full_gcs", "cpu_ms", "cpu_ms_per_upload", "cpu_ms_per_mib",
            "cpu_over_floor", "cpu_over_nginx", "cpu_probe_excluded_ms", "cpu_jit_ms", "emulator_cpu_ms_per_upload", "outcomes", "notes");

    private ResultsCsv() {
    }

    public static String render(Results results) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (CellRecord r : results.records()) {
            LoadResult l = r.load();
            Memory m = r.memory();
            CpuCost cpu = CpuCost.of(results, r);
            List<String> row = List.of(r.cell().id(), sizeMiB(r.cell()), Integer.toString(r.cell().concurrency()),
                    r.target().label(), Integer.toString(r.cell().requests()), Integer.toString(l.sent()), Integer.toString(l.ok()),
                    Integer.toString(l.errors()), Integer.toString(l.timeouts()), Integer.toString(l.ooms()),
                    n(l.wallSeconds(), 3), n(l.uploadsPerSecond(), 2), n(l.mibPerSecond(), 2), n(l.p50(), 1), n(l.p95(), 1),
                    n(l.p99(), 1), n(l.latencyMs().mean(), 1), n(l.latencyMs().max(), 1), n(m.heapBefore(), 1), n(m.heapAfter(), 1),
                    n(m.heapLiveAtProbe(), 1), m.inFlightAtProbe() < 0 ? "" : Integer.toString(m.inFlightAtProbe()),
                    n(m.heapPerInFlightKiB(), 0), n(m.heapPeak(), 1), n(m.heapPeakUsed(), 1), n(m.rssPeak(), 1),
                    Integer.toString(m.gcPauses()), n(m.gcPauseMs(), 1), Integer.toString(m.fullGcs()),
                    n(r.cpu().processes() > 0 ? r.cpu().processMs() : Double.NaN, 0), n(cpu.msPerUpload(), 3),
                    n(cpu.msPerMiB(), 3), n(cpu.overFloor(), 3), n(cpu.overNginx(), 3), r.target().gateway() ? n(r.cpu().excludedMs(), 0) : "",
                    r.cpu().processes() > 0 ? n(r.cpu().jitMs(), 0) : "", n(cpu.emulatorMsPerUpload(), 3), outcomes(l.details()), String.join(" | ", r.notes()));
            csv.append(row.stream().map(ResultsCsv::quote).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    /** Whole MiB as before ({@code 50}), a fraction under 1 MiB ({@code 0.0625}). */
    private static String sizeMiB(Cell cell) {
        return cell.fileBytes() % Cell.MIB == 0 ? Long.toString(cell.fileBytes() / Cell.MIB) : Format.num(cell.sizeMiB(), 4);
    }

    static String outcomes(Map<String, Integer> details) {
        return details.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String n(double v, int decimals) {
        return Double.isNaN(v) ? "" : Format.num(v, decimals);
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
