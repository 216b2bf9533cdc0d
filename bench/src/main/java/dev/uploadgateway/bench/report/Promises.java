package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The original project's expectations next to what this run measured, over every cell. */
final class Promises {

    private Promises() {
    }

    static void append(StringBuilder md, Results results) {
        MarkdownReport.section(md, "The original promises, measured");
        List<Ratios> all = results.matrix().byShape().stream().map(c -> Ratios.of(results, c)).toList();
        int syncTimeouts = sum(results, Target.SYNC);
        int asyncTimeouts = sum(results, Target.ASYNC);
        md.append("| promise | measured (range over the cells, worst … best) |\n|---|---|\n")
                .append("| 80–90 % less memory | live heap at the probe ").append(range(all, Ratios::heapReductionPct, Format::less))
                .append("; above the idle heap ").append(range(all, Ratios::heapAboveBaselineReductionPct, Format::less)).append(" |\n")
                .append("| 5–10× throughput | ").append(range(all, Ratios::asyncOverSync, Format::times)).append(" |\n")
                .append("| 30–50 % lower latency | p50 ").append(range(all, r -> -r.p50ChangePct(), Format::lower))
                .append("; p99 ").append(range(all, r -> -r.p99ChangePct(), Format::lower)).append(" |\n")
                .append("| 95 % fewer timeouts | ").append(syncTimeouts).append(" timeouts on sync, ").append(asyncTimeouts)
                .append(" on async over all cells").append(syncTimeouts > 0
                        ? " (" + Format.num(100.0 * (syncTimeouts - asyncTimeouts) / syncTimeouts, 1) + " % fewer)" : "")
                .append(" |\n\n");
        List<String> perCell = new ArrayList<>();
        for (Cell c : results.matrix().byShape()) {
            Ratios r = Ratios.of(results, c);
            perCell.add(c.id() + ": " + Format.times(r.asyncOverSync()) + " throughput, " + Format.less(r.heapReductionPct())
                    + " live heap, p50 " + Format.lower(-r.p50ChangePct()));
        }
        md.append("Per cell (async against sync): ").append(String.join("; ", perCell)).append(".\n");
    }

    private static String range(List<Ratios> all, ToDoubleFunction<Ratios> figure, java.util.function.DoubleFunction<String> format) {
        double[] values = all.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return "n/a";
        }
        return values.length == 1 ? format.apply(values[0])
                : format.apply(values[0]) + " … " + format.apply(values[values.length - 1]);
    }

    private static int sum(Results results, Target target) {
        return results.records().stream().filter(r -> r.target() == target).mapToInt(r -> r.load().timeouts()).sum();
    }
}
