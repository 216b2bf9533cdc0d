package dev.uploadgateway.configuration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's configuration table and microprofile-config.properties cannot drift apart. */
class ConfigDocumentationTest {

    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path README = Path.of("../README.md");

    private static Map<String, String> defaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // "#otel.…=…": a key the runtime owns, documented with its default but not set (see the file)
            if (line.startsWith("#otel.")) {
                line = line.substring(1);
            } else if (line.isBlank() || line.startsWith("#") || line.startsWith("dev.uploadgateway.")) {
                continue;
            }
            assertTrue(i > 0 && lines.get(i - 1).startsWith("# "), "a comment line documents " + line);
            int eq = line.indexOf('=');
            defaults.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return defaults;
    }

    private static Map<String, String> readmeTable() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\| (`([^`]*)`|\\*\\(empty\\)\\*) \\|")
                .matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (row.find()) {
            table.put(row.group(1), row.group(3) == null ? "" : row.group(3));
        }
        return table;
    }

    @Test
    void readmeListsEveryKeyWithItsDefault() throws IOException {
        assertEquals(defaults(), readmeTable());
    }

    @Test
    void setsNoTelemetryKeyThatASystemPropertyWouldDuplicate() throws IOException {
        // Payara 6.2025.10 fails the deployment on an otel.* key set here and as -D ("Duplicate key"), seen in TraceIT
        List<String> set = Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("otel.")).toList();
        assertEquals(List.of(), set);
        assertTrue(defaults().containsKey("otel.sdk.disabled"), "documented all the same");
    }

    @Test
    void everyKeyTheCodeValidatesHasADefault() throws IOException {
        Map<String, String> defaults = defaults();
        List<String> problems = ConfigKeys.problems(key -> {
            assertTrue(defaults.containsKey(key), key + " has a default");
            return java.util.Optional.ofNullable(defaults.get(key));
        });
        assertEquals(List.of(), problems, "the defaults obey the rules");
    }
}
