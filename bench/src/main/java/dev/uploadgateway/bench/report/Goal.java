package dev.uploadgateway.bench.report;

/** One target figure from the issue, what was measured against it, and the verdict. */
public record Goal(String target, String measured, Verdict verdict) {

    public enum Verdict {
        MET("met"), MISSED("missed"), NOT_MEASURED("not measured"),
        /** The baseline ran out of memory: no ratio to take, recorded as such. */
        SYNC_OOM("sync out of memory");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }
}
