package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All records of one run, in the order they were measured, with the targets' warm-ups and the run's own notes. */
public final class Results {

    private final Matrix matrix;
    private final List<Target> targets;
    private final List<CellRecord> records = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<CellRecord> profiles = new ArrayList<>();
    private final List<WarmUpRecord> warmUps = new ArrayList<>();

    public Results(Matrix matrix, List<Target> targets) {
        this.matrix = matrix;
        this.targets = List.copyOf(targets);
    }

    public synchronized void add(CellRecord record) {
        records.add(record);
    }

    /** A profile pass: its JFR summary and thread census are reported, its figures are not. */
    public synchronized void addProfile(CellRecord record) {
        profiles.add(record);
    }

    public synchronized List<CellRecord> profiles() {
        return List.copyOf(profiles);
    }

    public synchronized void addWarmUp(WarmUpRecord warmUp) {
        warmUps.add(warmUp);
    }

    public synchronized List<WarmUpRecord> warmUps() {
        return List.copyOf(warmUps);
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized Optional<CellRecord> find(Cell cell, Target target) {
        return records.stream().filter(r -> r.cell().equals(cell) && r.target() == target).findFirst();
    }

    public synchronized List<CellRecord> records() {
        return List.copyOf(records);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public Matrix matrix() {
        return matrix;
    }

    public List<Target> targets() {
        return targets;
    }

    /** The cell of the matrix with this size and concurrency, if it was planned. */
    public Optional<Cell> cell(int sizeMiB, int concurrency) {
        return matrix.cells().stream().filter(c -> c.sizeMiB() == sizeMiB && c.concurrency() == concurrency).findFirst();
    }
}
