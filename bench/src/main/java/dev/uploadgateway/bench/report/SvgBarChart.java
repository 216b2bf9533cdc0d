package dev.uploadgateway.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as standalone SVG: one group per cell, one bar per series, a value over each
 * bar (or the series' note for it, e.g. "OOM"), an optional dashed reference line (the heap limit),
 * linear or log-10 scale.
 */
public final class SvgBarChart {

    /** One bar per category; {@code notes[i]}, when not null, is printed instead of the value. */
    public record Series(String name, String color, double[] values, String[] notes) {
    }

    private static final int LEFT = 70;
    private static final int TOP = 50;
    private static final int PLOT_HEIGHT = 260;
    private static final int BAR = 16;

    private SvgBarChart() {
    }

    public static String render(String title, String unit, List<String> categories, List<Series> series,
                                boolean log, double reference, String referenceLabel) {
        int group = Math.max(84, series.size() * BAR + 24);
        int width = Math.max(640, LEFT + 20 + categories.size() * group);
        int barsWidth = series.size() * BAR;
        int height = TOP + PLOT_HEIGHT + 60;
        Scale scale = Scale.of(series, reference, log);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(text(LEFT, 20, 14, "start", title));
        for (double tick : scale.ticks()) {
            double y = TOP + PLOT_HEIGHT - scale.y(tick) * PLOT_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, width - 10, y));
            svg.append(text(LEFT - 6, y + 4, 10, "end", Scale.label(tick)));
        }
        svg.append(text(14, TOP - 12, 10, "start", unit));
        for (int c = 0; c < categories.size(); c++) {
            int x0 = LEFT + 12 + c * group + (group - 24 - barsWidth) / 2;
            for (int s = 0; s < series.size(); s++) {
                Series se = series.get(s);
                double v = se.values()[c];
                int x = x0 + s * BAR;
                String note = se.notes() == null ? null : se.notes()[c];
                if (!Double.isNaN(v) && v > 0) {
                    double h = scale.y(v) * PLOT_HEIGHT;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                            + "<title>%s %s: %s</title></rect>%n", x, TOP + PLOT_HEIGHT - h, BAR - 2, h, se.color(),
                            escape(se.name()), escape(categories.get(c)), Scale.label(v)));
                }
                String label = note != null ? note : Double.isNaN(v) ? "n/a" : Scale.label(v);
                double top = TOP + PLOT_HEIGHT - (Double.isNaN(v) || v <= 0 ? 0 : scale.y(v) * PLOT_HEIGHT) - 3;
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"8\" transform=\"rotate(-90 %d %.1f)\">%s</text>%n",
                        x + BAR / 2 + 3, top, x + BAR / 2 + 3, top, escape(label)));
            }
            svg.append(text(x0 + series.size() * BAR / 2.0, TOP + PLOT_HEIGHT + 16, 10, "middle", categories.get(c)));
        }
        if (!Double.isNaN(reference)) {
            double y = TOP + PLOT_HEIGHT - scale.y(reference) * PLOT_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"6,4\"/>%n",
                    LEFT, y, width - 10, y));
            svg.append(text(width - 12, y - 4, 10, "end", referenceLabel));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP + PLOT_HEIGHT, width - 10, TOP + PLOT_HEIGHT));
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + s * 150;
            int y = TOP + PLOT_HEIGHT + 40;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, y - 10, series.get(s).color()));
            svg.append(text(x + 16, y, 11, "start", series.get(s).name()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String text(double x, double y, int size, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, anchor, escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Maps values to 0..1 of the plot height. */
    record Scale(double min, double max, boolean log) {

        static Scale of(List<Series> series, double reference, boolean log) {
            double hi = Double.isNaN(reference) ? 0 : reference;
            double lo = Double.MAX_VALUE;
            for (Series s : series) {
                for (double v : s.values()) {
                    if (!Double.isNaN(v) && v > 0) {
                        hi = Math.max(hi, v);
                        lo = Math.min(lo, v);
                    }
                }
            }
            if (hi <= 0) {
                hi = 1;
            }
            if (log) {
                double bottom = Math.pow(10, Math.floor(Math.log10(lo == Double.MAX_VALUE ? 1 : lo)));
                return new Scale(bottom, Math.pow(10, Math.ceil(Math.log10(hi * 1.0001))), true);
            }
            return new Scale(0, 4 * nice(hi * 1.05 / 4), false);
        }

        double y(double v) {
            if (log) {
                return Math.max(0, Math.log10(v / min) / Math.log10(max / min));
            }
            return v / max;
        }

        List<Double> ticks() {
            if (log) {
                List<Double> ticks = new java.util.ArrayList<>();
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
                return ticks;
            }
            return List.of(0.0, max * 0.25, max * 0.5, max * 0.75, max);
        }

        static double nice(double v) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
            for (double step : new double[]{1, 2, 2.5, 5, 10}) {
                if (step * magnitude >= v) {
                    return step * magnitude;
                }
            }
            return 10 * magnitude;
        }

        static String label(double v) {
            if (v >= 100 || v == Math.rint(v)) {
                return String.format(Locale.ROOT, "%.0f", v);
            }
            return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
        }
    }
}
