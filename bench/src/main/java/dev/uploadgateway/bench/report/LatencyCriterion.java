package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The gateway's own latency rule for promoting rollout stage 1, applied to one cell. The rollout
 * (PromotionCheck, on StageWindow's KPIs) compares p95 only: a stage is promoted when async p95 /
 * sync p95 ≤ {@code rollout.stage.1.max-latency-ratio}, and judges the ratio only once each path
 * has at least {@code rollout.recent-window} successful uploads; p50 is shown, not judged. The two
 * values are read from the {@code microprofile-config.properties} inside the measured WAR's EJB jar
 * — the benchmark overrides neither key. The gateway takes its percentiles from its own record of
 * server-side durations; here they are the load generator's, request sent → answer received.
 */
public record LatencyCriterion(double maxP95Ratio, int minSamples, String source) {

    static final String RATIO_KEY = "rollout.stage.1.max-latency-ratio";
    static final String SAMPLES_KEY = "rollout.recent-window";
    private static final String CONFIG = "META-INF/microprofile-config.properties";

    /** What stage 1 would conclude from a cell's two latency distributions. */
    public enum Outcome { PASS, FAIL, TOO_FEW_SAMPLES, NOT_MEASURED }

    public record Verdict(double p95Ratio, Outcome outcome) {
    }

    /** The rule as the WAR ships it; a WAR without the file gives a rule that judges nothing (NaN), named as such. */
    public static LatencyCriterion read(Path war) {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("WEB-INF/lib/upload-gateway-ejb") && entry.getName().endsWith(".jar")) {
                    try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(entry))) {
                        for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                            if (inner.getName().equals(CONFIG)) {
                                return of(load(jar), war.getFileName() + "!/" + entry.getName().substring("WEB-INF/lib/".length())
                                        + "!/" + CONFIG);
                            }
                        }
                    }
                }
            }
            return unknown(war.getFileName() + " holds no EJB jar with " + CONFIG);
        } catch (IOException | IllegalArgumentException e) {
            return unknown(war.getFileName() + " unreadable: " + e.getMessage());
        }
    }

    static LatencyCriterion of(Properties config, String source) {
        String ratio = config.getProperty(RATIO_KEY);
        String samples = config.getProperty(SAMPLES_KEY);
        if (ratio == null || samples == null) {
            return unknown(source + " lacks " + (ratio == null ? RATIO_KEY : SAMPLES_KEY));
        }
        return new LatencyCriterion(Double.parseDouble(ratio.trim()), Integer.parseInt(samples.trim()), source);
    }

    static LatencyCriterion unknown(String why) {
        return new LatencyCriterion(Double.NaN, 0, why);
    }

    public Verdict judge(LoadResult async, LoadResult sync) {
        double ratio = Ratios.ratio(async.p95(), sync.p95());
        if (Double.isNaN(maxP95Ratio) || Double.isNaN(ratio)) {
            return new Verdict(ratio, Outcome.NOT_MEASURED);
        }
        if (async.latencyMs().count() < minSamples || sync.latencyMs().count() < minSamples) {
            return new Verdict(ratio, Outcome.TOO_FEW_SAMPLES);
        }
        return new Verdict(ratio, ratio <= maxP95Ratio ? Outcome.PASS : Outcome.FAIL);
    }

    /** "would pass: 0.92 ≤ 1.10", "would not pass: 1.31 > 1.10", "not judged: 40 / 40 samples, stage 1 needs 100 each". */
    public String describe(Verdict v, LoadResult async, LoadResult sync) {
        return switch (v.outcome()) {
            case PASS -> "would pass: " + Format.num(v.p95Ratio(), 2) + " ≤ " + Format.num(maxP95Ratio, 2);
            case FAIL -> "would not pass: " + Format.num(v.p95Ratio(), 2) + " > " + Format.num(maxP95Ratio, 2);
            case TOO_FEW_SAMPLES -> "not judged (" + Format.num(v.p95Ratio(), 2) + " vs " + Format.num(maxP95Ratio, 2) + "): "
                    + async.latencyMs().count() + " async / " + sync.latencyMs().count() + " sync successes, stage 1 needs "
                    + minSamples + " each";
            case NOT_MEASURED -> "n/a";
        };
    }

    private static Properties load(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return p;
    }
}
