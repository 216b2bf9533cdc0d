package dev.uploadgateway.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An earlier run's results.csv ({@code --baseline}), read once when the run starts so that a bad
 * file stops the harness before twenty minutes of load rather than after; the report compares
 * this run with it in "Before and after" and names it as {@code shownAs}.
 */
public final class Baseline {

    private final String shownAs;
    private final RunFigures figures;

    private Baseline(String shownAs, RunFigures figures) {
        this.shownAs = shownAs;
        this.figures = figures;
    }

    /** @throws IllegalArgumentException when the file is not a results.csv (no header row, no target column, cut short) */
    public static Baseline read(Path file, String shownAs) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), shownAs);
    }

    static Baseline parse(String csv, String shownAs) {
        RunFigures figures = ResultsCsvReader.read(csv);
        if (figures.cells().isEmpty()) {
            throw new IllegalArgumentException("no row with a cell and a known target");
        }
        return new Baseline(shownAs, figures);
    }

    String shownAs() {
        return shownAs;
    }

    RunFigures figures() {
        return figures;
    }
}
