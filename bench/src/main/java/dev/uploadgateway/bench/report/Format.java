package dev.uploadgateway.bench.report;

import java.util.Locale;

/** Numbers as the report prints them: fixed decimals, "n/a" for what was not measured. */
final class Format {

    private Format() {
    }

    static String num(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String mib(double value) {
        return Double.isNaN(value) ? "n/a" : num(value, value < 10 ? 1 : 0) + " MiB";
    }

    static String pct(double value) {
        return Double.isNaN(value) ? "n/a" : (value > 0 ? "+" : "") + num(value, 1) + " %";
    }

    /** A reduction in percent as "97.0 % less", a negative one as "5.0 % more". */
    static String less(double reductionPct) {
        if (Double.isNaN(reductionPct)) {
            return "n/a";
        }
        return reductionPct >= 0 ? num(reductionPct, 1) + " % less" : num(-reductionPct, 1) + " % more";
    }

    /** A decrease in percent as "30.0 % lower", a negative one as "4.0 % higher". */
    static String lower(double decreasePct) {
        if (Double.isNaN(decreasePct)) {
            return "n/a";
        }
        return decreasePct >= 0 ? num(decreasePct, 1) + " % lower" : num(-decreasePct, 1) + " % higher";
    }

    static String times(double value) {
        return Double.isNaN(value) ? "n/a" : num(value, 2) + "×";
    }

    /**
     * How far {@code value} is from {@code limit}, in the unit of both: "0.21× to spare" when on
     * the right side, "missed by 0.22× (15 % over the limit)" when not; {@code atMost} says which
     * side is right. A value equal to the limit meets it.
     */
    static String margin(double value, double limit, boolean atMost, int decimals, String unit) {
        if (Double.isNaN(value) || Double.isNaN(limit)) {
            return "n/a";
        }
        double gap = atMost ? limit - value : value - limit;
        if (gap >= 0) {
            return num(gap, decimals) + unit + " to spare";
        }
        return "missed by " + num(-gap, decimals) + unit + (limit != 0
                ? " (" + num(100 * -gap / Math.abs(limit), 1) + " % " + (atMost ? "over" : "under") + " the limit)" : "");
    }
}
