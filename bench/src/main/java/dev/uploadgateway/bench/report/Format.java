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
}
