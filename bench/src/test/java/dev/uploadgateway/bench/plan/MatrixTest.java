package dev.uploadgateway.bench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final List<Target> ALL = List.of(Target.values());

    @Test
    void cutsACellDownToItsByteBudget() {
        Cell cell = Cell.of(50, 10, 1000, 5L * 1024 * Cell.MIB, false);
        assertEquals(102, cell.requests());
        assertEquals("50MiB-c10", cell.id());
    }

    @Test
    void keepsOneRequestPerConnectionWhateverTheBudget() {
        assertEquals(100, Cell.of(100, 100, 1000, Cell.MIB, false).requests());
    }

    @Test
    void refusesACellWithFewerRequestsThanConnections() {
        assertThrows(IllegalArgumentException.class, () -> new Cell(Cell.MIB, 10, 5, false));
    }

    @Test
    void rotatesTheOrderByOnePerCellSoEveryTargetLeadsInTurn() {
        assertEquals(List.of(Target.DIRECT, Target.SYNC, Target.ASYNC, Target.NGINX, Target.FLOOR), Matrix.order(0, ALL));
        assertEquals(List.of(Target.SYNC, Target.ASYNC, Target.NGINX, Target.FLOOR, Target.DIRECT), Matrix.order(1, ALL));
        EnumSet<Target> leaders = EnumSet.noneOf(Target.class);
        for (int i = 0; i < ALL.size(); i++) {
            leaders.add(Matrix.order(i, ALL).get(0));
            assertEquals(EnumSet.allOf(Target.class), EnumSet.copyOf(Matrix.order(i, ALL)));
        }
        assertEquals(EnumSet.allOf(Target.class), leaders);
    }

    @Test
    void fullMatrixCoversEveryTargetCellWithinTheBudget() {
        Matrix full = Matrix.full();
        for (String id : List.of("1MiB-c10", "1MiB-c100", "1MiB-c1000", "50MiB-c10", "50MiB-c100", "100MiB-c10")) {
            assertTrue(full.cells().stream().anyMatch(c -> c.id().equals(id)), id);
        }
        full.cells().forEach(c -> assertTrue(c.totalBytes() <= full.cellByteBudget(), c.id()));
    }

    @Test
    void quickMatrixIsSmall() {
        long bytes = Matrix.quick().cells().stream().mapToLong(Cell::totalBytes).sum();
        assertTrue(bytes <= 1024 * Cell.MIB, "quick sends " + bytes);
        assertEquals(List.of(64 * Cell.KIB, Cell.MIB, 10 * Cell.MIB), Matrix.quick().fileSizes());
    }

    @Test
    void namesSmallFilesInKiB() {
        Cell cell = Cell.ofKiB(64, 10, 400, 5L * 1024 * Cell.MIB, false);
        assertEquals("64KiB-c10", cell.id());
        assertEquals("64 KiB × c=10", cell.title());
        assertEquals(0.0625, cell.sizeMiB(), 1e-12);
        assertEquals(400, cell.requests());
    }

    @Test
    void fullMatrixHasTheSmallCellsWherePerRequestCostRules() {
        for (String id : List.of("64KiB-c10", "64KiB-c100", "1MiB-c10", "1MiB-c100")) {
            assertTrue(Matrix.full().cells().stream().anyMatch(c -> c.id().equals(id)), id);
        }
    }
}
