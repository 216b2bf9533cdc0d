package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.util.Optional;

/**
 * What an upload costs on each target's own processes (CPU per upload and per MiB, against the
 * floor and nginx), and async against sync latency per cell with the verdict the gateway's own
 * stage-1 latency criterion would reach on it.
 */
final class HotPathSection {

    private HotPathSection() {
    }

    static void append(StringBuilder md, Results results, RunInfo run) {
        cpu(md, results);
        latency(md, results, run.latency());
    }

    private static void cpu(StringBuilder md, Results results) {
        MarkdownReport.section(md, "CPU per upload");
        md.append("User + system CPU of the target's own processes over the cell's load (`/proc/<pid>/stat`, children excluded),")
                .append(" per successful upload; × floor and × nginx against the same cell's payara-floor and nginx. The emulator's")
                .append(" column is its own CPU per upload in that target's turn. \"of which JIT\" is the JIT compiler threads'")
                .append(" share (a warm-up that settled leaves ~0). The kernel counts in 10 ms ticks: the cell's total shows how")
                .append(" many a figure rests on.\n\n")
                .append("| cell | target | processes | CPU ms in the cell | CPU ms per upload | of which JIT | CPU ms per MiB | × floor |")
                .append(" × nginx | emulator ms per upload |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Cell cell : results.matrix().byShape()) {
            for (Target t : results.targets()) {
                results.find(cell, t).ifPresent(r -> {
                    CpuCost c = CpuCost.of(results, r);
                    md.append("| ").append(cell.id()).append(" | ").append(t.label()).append(" | ").append(processes(t, r))
                            .append(" | ").append(r.cpu().processes() > 0 ? Format.num(r.cpu().processMs(), 0) : "n/a")
                            .append(" | ").append(Format.num(c.msPerUpload(), 2)).append(" | ").append(Format.num(c.jitMsPerUpload(), 2))
                            .append(" | ").append(Format.num(c.msPerMiB(), 2))
                            .append(" | ").append(Format.times(c.overFloor())).append(" | ").append(Format.times(c.overNginx()))
                            .append(" | ").append(Format.num(c.emulatorMsPerUpload(), 2)).append(" |\n");
                });
            }
        }
    }

    private static String processes(Target t, CellRecord r) {
        return switch (t) {
            case DIRECT -> "none (emulator only)";
            case SYNC, ASYNC -> "gateway JVM";
            case FLOOR -> "floor JVM";
            case NGINX -> "nginx, " + r.cpu().processes() + " processes";
        };
    }

    private static void latency(StringBuilder md, Results results, LatencyCriterion criterion) {
        MarkdownReport.section(md, "Async against sync latency, and stage 1's latency criterion");
        md.append("The gateway promotes rollout stage 1 only while async p95 / sync p95 ≤ `").append(LatencyCriterion.RATIO_KEY)
                .append("` = ").append(Format.num(criterion.maxP95Ratio(), 2)).append(" (p95 only; p50 is not judged), and judges the")
                .append(" ratio once each path has `").append(LatencyCriterion.SAMPLES_KEY).append("` = ").append(criterion.minSamples())
                .append(" successful uploads; read from `").append(criterion.source()).append("`. The same comparison on each")
                .append(" cell's client-side latencies:\n\n")
                .append("| cell | p50 sync → async ms | p50 change | p95 sync → async ms | p95 change | async/sync p95 | stage 1 |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Cell cell : results.matrix().byShape()) {
            Optional<LoadResult> sync = results.find(cell, Target.SYNC).map(CellRecord::load);
            Optional<LoadResult> async = results.find(cell, Target.ASYNC).map(CellRecord::load);
            if (sync.isEmpty() || async.isEmpty()) {
                continue;
            }
            LoadResult s = sync.get();
            LoadResult a = async.get();
            LatencyCriterion.Verdict v = criterion.judge(a, s);
            md.append("| ").append(cell.id()).append(" | ").append(Format.num(s.p50(), 0)).append(" → ").append(Format.num(a.p50(), 0))
                    .append(" | ").append(Format.pct(Ratios.change(a.p50(), s.p50()))).append(" | ").append(Format.num(s.p95(), 0))
                    .append(" → ").append(Format.num(a.p95(), 0)).append(" | ").append(Format.pct(Ratios.change(a.p95(), s.p95())))
                    .append(" | ").append(Format.times(v.p95Ratio())).append(" | ").append(criterion.describe(v, a, s)).append(" |\n");
        }
    }
}
