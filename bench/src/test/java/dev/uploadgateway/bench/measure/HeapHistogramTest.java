package dev.uploadgateway.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

    @Test
    void listsTheLargestClassesWithTheirSizeAndCount() {
        String out = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        120034       42991616  [B (java.base@17.0.15)
                   2:         90112       12582912  dev.uploadgateway.rollout.entity.Outcome
                   3:            10            100  java.lang.Object (java.base@17.0.15)
                Total        210156       55574628
                """;
        assertEquals("41.0 MiB [B (120,034), 12.0 MiB dev.uploadgateway.rollout.entity.Outcome (90,112)",
                HeapHistogram.summarize(out, 2));
    }
}
