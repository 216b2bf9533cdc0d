package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's console log (Payara's ODL format) boiled down to what a benchmark reader should
 * know: how many WARNING and SEVERE records, from which loggers, with the first line of each kind
 * of message.
 */
public final class ServerLog {

    private static final Pattern RECORD = Pattern.compile("^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[(WARNING|SEVERE)\\] \\[[^\\]]*\\] \\[([^\\]]*)\\]");

    private ServerLog() {
    }

    /** e.g. {@code gateway-1.log: 44 WARNING/SEVERE records; 18× jakarta.enterprise.ejb.container ("...")}. */
    public static String summary(Path log) throws IOException {
        if (!Files.exists(log)) {
            return log.getFileName() + ": no log";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        Map<String, int[]> byLogger = new LinkedHashMap<>();
        Map<String, String> firstMessage = new LinkedHashMap<>();
        int total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RECORD.matcher(lines.get(i));
            if (m.find()) {
                total++;
                String key = m.group(1) + " " + m.group(2);
                byLogger.computeIfAbsent(key, k -> new int[1])[0]++;
                firstMessage.putIfAbsent(key, message(lines, i));
            }
        }
        if (total == 0) {
            return log.getFileName() + ": no WARNING or SEVERE records";
        }
        List<String> parts = new ArrayList<>();
        byLogger.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(5)
                .forEach(e -> parts.add(e.getValue()[0] + "× " + e.getKey() + " (first: \"" + firstMessage.get(e.getKey()) + "\")"));
        return log.getFileName() + ": " + total + " WARNING/SEVERE records; " + String.join("; ", parts);
    }

    /** The message text: after the header's last bracket, or the next non-blank line. */
    private static String message(List<String> lines, int header) {
        String line = lines.get(header);
        String rest = line.substring(line.lastIndexOf(']') + 1).trim();
        for (int i = header + 1; rest.isEmpty() || rest.equals("[["); i++) {
            if (i >= lines.size() || i > header + 4) {
                return "";
            }
            rest = lines.get(i).trim();
        }
        return rest.length() > 160 ? rest.substring(0, 160) + "…" : rest;
    }
}
