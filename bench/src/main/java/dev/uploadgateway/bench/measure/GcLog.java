package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code -Xlog:gc:file=...:timemillis} output, e.g.
 * {@code [1795426175294ms] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 20M->7M(380M) 6.564ms}.
 * The log survives the JVM, so a gateway that died of its heap still leaves its figures.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+)ms\\] GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    private GcLog() {
    }

    public static List<GcEvent> read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllLines(file)) : List.of();
    }

    static List<GcEvent> parse(List<String> lines) {
        List<GcEvent> events = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                events.add(new GcEvent(Long.parseLong(m.group(1)), m.group(2),
                        bytes(m.group(3), m.group(4)), bytes(m.group(5), m.group(6)), bytes(m.group(7), m.group(8)),
                        Double.parseDouble(m.group(9))));
            }
        }
        return events;
    }

    /** The pauses logged from {@code fromMillis} to {@code toMillis}, both inclusive. */
    public static HeapWindow window(List<GcEvent> events, long fromMillis, long toMillis) {
        List<GcEvent> inside = events.stream().filter(e -> e.epochMillis() >= fromMillis && e.epochMillis() <= toMillis).toList();
        return HeapWindow.of(inside);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
