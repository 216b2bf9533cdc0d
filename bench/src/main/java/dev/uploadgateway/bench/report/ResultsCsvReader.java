package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the figures a before/after comparison needs back from a results.csv, also one an earlier
 * version of {@link ResultsCsv} wrote: columns are found by their {@link ResultsCsv#HEADER} names,
 * so a column that moved costs nothing and one that is missing costs only its figure. A row needs
 * a cell (or its size and concurrency) and a known target; other rows are skipped.
 */
final class ResultsCsvReader {

    private final Map<String, Integer> columns = new HashMap<>();

    private ResultsCsvReader(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
    }

    static RunFigures read(String csv) {
        List<List<String>> rows = rows(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no header row");
        }
        ResultsCsvReader reader = new ResultsCsvReader(rows.get(0));
        if (!reader.columns.containsKey(column("target"))) {
            throw new IllegalArgumentException("no 'target' column in the header " + rows.get(0));
        }
        List<Figures> figures = new ArrayList<>();
        rows.subList(1, rows.size()).forEach(row -> reader.figures(row).ifPresent(figures::add));
        return new RunFigures(figures);
    }

    /** RFC 4180 rows (quoted commas, quotes and line breaks), blank lines skipped, a BOM ignored. */
    static List<List<String>> rows(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("not readable as CSV: " + e.getMessage(), e);
        }
    }

    private Optional<Figures> figures(List<String> row) {
        Optional<Target> target = Arrays.stream(Target.values()).filter(t -> t.label().equals(text(row, "target"))).findFirst();
        String cell = text(row, "cell");
        double sizeMiB = number(row, "size_mib");
        if (cell.isEmpty() && sizeMiB > 0 && count(row, "concurrency") > 0) {
            cell = Cell.id(Math.round(sizeMiB * Cell.MIB), count(row, "concurrency"));
        }
        if (target.isEmpty() || cell.isEmpty()) {
            return Optional.empty();
        }
        int errors = count(row, "errors");
        int timeouts = count(row, "timeouts");
        int ooms = count(row, "ooms");
        int problems = errors < 0 || timeouts < 0 || ooms < 0 ? -1 : errors + timeouts + ooms;
        return Optional.of(new Figures(cell, count(row, "requests_planned"), target.get(), number(row, "uploads_per_s"),
                number(row, "p50_ms"), number(row, "p99_ms"), problems, number(row, "heap_per_in_flight_kib"),
                number(row, "cpu_ms_per_upload")));
    }

    private String text(List<String> row, String name) {
        Integer i = columns.get(column(name));
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }

    /** Blank (not measured), missing or not a number: NaN. */
    private double number(List<String> row, String name) {
        try {
            return text(row, name).isEmpty() ? Double.NaN : Double.parseDouble(text(row, name));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Blank, missing or not a whole number: -1. */
    private int count(List<String> row, String name) {
        try {
            return text(row, name).isEmpty() ? -1 : Integer.parseInt(text(row, name));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A column this reader uses must be one the writer writes: a renamed column fails every test that reads. */
    private static String column(String name) {
        if (!ResultsCsv.HEADER.contains(name)) {
            throw new IllegalStateException("'" + name + "' is not a column of ResultsCsv.HEADER");
        }
        return name;
    }
}
