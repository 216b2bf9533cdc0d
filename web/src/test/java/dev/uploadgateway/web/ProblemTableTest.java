package dev.uploadgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's table of faults and answers, and the web module's static error pages, against the closed
 * set of problem types: every type in either is a {@link ProblemType} with the same status (and, for
 * a page, title), and every type appears in README.
 */
class ProblemTableTest {

    private static final Pattern ROW = Pattern.compile("^\\|(.*)\\|(.*)\\| `([a-z0-9-]+)` \\|$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");

    @Test
    void readmeNamesEveryTypeWithItsStatus() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Every fault and bad input, and the answer");
        String table = readme.substring(start, readme.indexOf("\n### ", start + 10));
        Map<String, ProblemType> types = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(ProblemType::slug, t -> t));
        Set<String> documented = new TreeSet<>();
        Map<String, String> wrong = new TreeMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            String slug = row.group(3);
            if (slug.equals("type")) {
                continue; // the header
            }
            documented.add(slug);
            ProblemType type = types.get(slug);
            Matcher status = STATUS.matcher(row.group(2));
            if (type == null) {
                wrong.put(slug, "no such problem type");
            } else if (!status.find() || Integer.parseInt(status.group(1)) != type.status()) {
                wrong.put(slug, "README answers '" + row.group(2).strip() + "', the type's status is " + type.status());
            }
        }
        assertTrue(documented.size() > 30, "read the table: " + documented);
        assertEquals(Map.of(), wrong);
        assertEquals(new TreeSet<>(types.keySet()), documented, "every problem type is in README's table");
    }

    @Test
    void theStaticErrorPagesAreProblemTypes() throws IOException {
        try (Stream<Path> pages = Files.list(Path.of("src/main/webapp/WEB-INF/errors"))) {
            for (Path page : pages.toList()) {
                JsonObject problem;
                try (var reader = Json.createReader(new StringReader(Files.readString(page)))) {
                    problem = reader.readObject();
                }
                String slug = problem.getString("type").substring("https://upload-gateway.dev/problems/".length());
                ProblemType type = ProblemType.valueOf(slug.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
                assertEquals(type.status(), problem.getInt("status"), page.toString());
                assertEquals(type.title(), problem.getString("title"), page.toString());
            }
        }
    }

    @Test
    void slugsAreTheConstantsNames() {
        assertEquals("upload-too-large", ProblemType.UPLOAD_TOO_LARGE.slug());
        assertEquals(ProblemType.values().length, Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct().count());
    }
}
