package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;

/** The report's account of what was run and how each figure is defined. */
final class Setup {

    private Setup() {
    }

    /**
     * How JFR is started, and why not by jcmd: the first {@code JFR.start} on a warm JDK 17 VM
     * discards most compiled code (JDK-8324241), and the profile would show that VM, not the gateway's.
     */
    private static String jfr(RunInfo run) {
        if (!run.jfrFromBoot()) {
            return "- JFR: not recorded in this run (no profiled cell, or `--no-profile`).\n";
        }
        return "- JFR: one recording (`settings=profile`) starts with every gateway JVM (`-XX:StartFlightRecording`, again"
                + " at each reboot) and each profile pass dumps only its own window (`JFR.dump begin=… end=…`): a `jcmd JFR.start`"
                + " on the warm JDK 17 VM would throw away most compiled code (JDK-8324241, fixed in JDK 23) and the profile would"
                + " show a partly deoptimised gateway. The recording also runs through the measured gateway cells, so their"
                + " figures carry JFR's cost.\n";
    }

    /** The warm-up rule and what it came to for each target. */
    private static void warmUp(StringBuilder md, Results results, RunInfo run) {
        var rule = run.warmUp();
        md.append("- Warm-up: before the first cell each target is sent rounds of ").append(rule.roundUploads()).append(" uploads of ")
                .append(Cell.size(results.matrix().fileSizes().get(0), " ")).append(" (").append(rule.concurrency())
                .append(" in flight), until the JIT of the JVM the target adds has settled — its compiler threads (`C1/C2")
                .append(" CompilerThread*` in `/proc/<pid>/task`) used at most ").append(Format.num(rule.settledCompileMs(), 0))
                .append(" ms of CPU in a round (").append(Format.num(rule.settledCompileMsPerUpload(), 2))
                .append(" ms per upload; CPU rather than JMX's compilation time, which is elapsed time and grows with the machine's")
                .append(" load), after at least ").append(rule.minRounds()).append(" rounds — or for at most ")
                .append(rule.maxRounds()).append(" rounds (").append(rule.maxRounds() * rule.roundUploads())
                .append(" uploads). The JVM watched is the gateway's for both gateway paths, the floor's, and for direct and nginx")
                .append(" (no JIT of their own) the emulator's. Gateway rounds also make the cells' JMX calls (thread dump, forced")
                .append(" GC), so that the management code is compiled before the first cell. A JIT that has not settled shows in")
                .append(" the CPU table's \"of which JIT\".\n\n");
        if (results.warmUps().isEmpty()) {
            return;
        }
        md.append("| target | JVM watched | rounds | uploads (failed) | compiler CPU ms per round | settled |\n|---|---|---|---|---|---|\n");
        for (WarmUpRecord w : results.warmUps()) {
            md.append("| ").append(w.target().label()).append(" | ").append(w.jvm()).append(" | ").append(w.rounds()).append(" | ")
                    .append(w.uploads()).append(" (").append(w.failed()).append(") | ")
                    .append(String.join(", ", w.compileMsPerRound().stream().map(v -> Format.num(v, 0)).toList())).append(" | ")
                    .append(w.settled() ? "yes" : "no, stopped at the bound").append(" |\n");
        }
        md.append('\n');
    }

    static void append(StringBuilder md, Results results, RunInfo run) {
        MarkdownReport.section(md, "Setup");
        md.append("Every process runs on this machine and listens and talks on 127.0.0.1 only (both Payara Micros get a")
                .append(" pre-boot line that binds their HTTP listener there).\n\n");
        for (Target t : results.targets()) {
            md.append("- **").append(t.label()).append("** — ").append(t.description()).append('\n');
        }
        md.append("\n- Provider emulator (`dev.uploadgateway.emulator.EmulatorProcess`, provider-emulator): ").append(run.providerLatencyMs())
                .append(" ms response latency per upload after the body is read, each file hashed and deleted on arrival.\n")
                .append("- Gateway: Payara Micro, `-Xmx").append(run.heap()).append("`, server-config's `pre-boot-commands.asadmin`")
                .append(" (EJB async pool 64 core / 128 max, H2 beside the instance root), `post-boot-commands.asadmin` (config")
                .append(" directory) and `logging.properties`, a fresh instance root per boot, provider `kimi` pointed at the emulator,")
                .append(" `async.upload.timeout=").append(run.asyncTimeoutSeconds()).append("` s, other keys at their defaults.")
                .append(" One gateway JVM serves both paths; the path is switched by writing `async.upload.rollout` (0 or 100)")
                .append(" into its config directory and waiting until `GET /api/rollout` shows it. The gateway's own rollout")
                .append(" controller would roll back to sync on errors or heap growth, so its triggers are set where they")
                .append(" cannot fire (`rollout.trigger.*`); the path is checked again after every cell, and the table of")
                .append(" successful uploads by path shows which path answered.\n")
                .append("- payara-floor: module bench/payara-floor's WAR (one JAX-RS resource at `/api/uploads`, the body read as an")
                .append(" `InputStream` in 64 KiB reads and SHA-256-hashed, 201 with the digest) on the same `payara-micro.jar`,")
                .append(" with the gateway's JVM flags (`-Xmx").append(run.heap()).append("`, GC log").append(run.jfrFromBoot() ? ", JFR" : "")
                .append("), pre-boot commands and logging, its own JVM. It is sent the gateway's request. It parses no multipart")
                .append(" framing and stores, records and forwards nothing, so the gateway's CPU above it is the gateway's own code.\n")
                .append(jfr(run))
                .append("- Load generator: `java.net.http.HttpClient` (HTTP/1.1), a closed loop keeping *c* uploads in flight,")
                .append(" bodies streamed from one random file per size on disk, a fresh client (fresh connections) per cell,")
                .append(" a ").append(run.clientTimeoutSeconds()).append(" s deadline per request. Each cell stops issuing after ")
                .append(results.matrix().issueLimit().toSeconds()).append(" s and then waits for what is in flight.\n")
                .append("- Order: within a cell the targets take turns, rotated by one from cell to cell, so drift in machine")
                .append(" noise does not favour one of them.\n");
        warmUp(md, results, run);
        md.append("| cell | file | concurrency | requests | bytes sent (max) |\n|---|---|---|---|---|\n");
        for (Cell c : results.matrix().byShape()) {
            md.append("| ").append(c.id()).append(" | ").append(Cell.size(c.fileBytes(), " ")).append(" | ").append(c.concurrency())
                    .append(" | ").append(c.requests()).append(" | ").append(Format.num(c.totalBytes() / (1024.0 * 1024 * 1024),
                            c.totalBytes() < 100 * Cell.MIB ? 3 : 2))
                    .append(" GiB per target").append(c.profiled() ? ", JFR-profiled" : "").append(" |\n");
        }
        md.append("\nCells are bounded to ").append(Format.num(results.matrix().cellByteBudget() / (1024.0 * 1024 * 1024), 1))
                .append(" GiB per target; not every size × concurrency combination is run, only those the targets need.\n\n")
                .append("How each figure is taken:\n\n")
                .append("- **uploads/s, MiB/s**: successful uploads (and their file bytes) divided by the time from the first")
                .append(" request sent to the last answer received.\n")
                .append("- **p50/p95/p99**: nearest-rank percentiles of the latency of successful uploads, request sent → answer received.\n")
                .append("- **errors**: any other answer or a broken connection; **timeouts**: no answer within the client deadline")
                .append(" or the gateway's 504; **OOM**: the sync path's 503 `sync-path-out-of-memory`.\n")
                .append("- **heap quiet before → after**: the gateway's live heap after a forced full GC (JMX `MemoryMXBean.gc()`)")
                .append(" once no request or delivery thread is busy (at most 30 s of waiting), just before and just after the cell.")
                .append(" After − before is what the cell's uploads left behind for good.\n")
                .append("- **heap live at probe**: the same forced full GC when half the cell's requests have been answered (or half")
                .append(" its sending time has passed), with the given number still in flight; **heap per upload** = (live at probe −")
                .append(" mean of quiet before and after) / in flight.\n")
                .append("- **heap peak**: the highest heap occupancy *after* any collection during the cell (GC log), the probe")
                .append(" included — an upper bound, as old-generation garbage stays until a mixed or full collection;")
                .append(" **heap used peak**: the highest occupancy *before* a collection, garbage included. The heap")
                .append(" comparisons (targets, ratios, chart) use the live heap at the probe, taken the same way on both paths.\n")
                .append("- **CPU per upload**: user + system time of the target's own processes from `/proc/<pid>/stat` (fields 14")
                .append(" and 15, children excluded) from the cell's first request to its last answer, divided by its successful uploads;")
                .append(" **per MiB** divides further by the file size. Processes: the gateway JVM, the floor's JVM, nginx's master")
                .append(" and workers; direct has none of its own. The gateway's halfway probe (a forced full GC and a thread dump, which")
                .append(" no other target has) is measured the same way and taken out (`cpu_probe_excluded_ms`). **× floor** and")
                .append(" **× nginx** divide by the floor's and nginx's CPU per upload in the same cell; the emulator's own CPU per upload")
                .append(" is given for every target. Clock ticks are 10 ms, so a figure rests on at least a few hundred ticks only in")
                .append(" cells of a few hundred uploads or more.\n")
                .append("- **RSS peak**: `VmHWM` of the process, reset at the start of the cell through `/proc/<pid>/clear_refs`,")
                .append(" and a 100 ms poll of `VmRSS` (nginx: master and workers summed).\n")
                .append("- The probe's forced full GC pauses the gateway once per gateway cell (typically well under 0.5 s);")
                .append(" direct, nginx and payara-floor cells have no such pause.\n");
    }
}
