package dev.uploadgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The direction of the code's dependencies, read from the sources of {@code ejb} and {@code web}
 * (a plain scan of what each class names, imports and fully qualified references alike; ArchUnit
 * would read the same off the bytecode, for a dependency this scan does not need): {@code web}
 * reaches only boundaries and entities; {@code provider} knows nothing of {@code upload}; no
 * {@code control} class calls a boundary; entities stand alone; every class of the business core
 * sits in a component's {@code boundary}, {@code control} or {@code entity}.
 */
class DependencyDirectionTest {

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.uploadgateway\\.(\\w+)\\.(\\w+)\\.[A-Z]\\w*");
    private static final Pattern PACKAGE = Pattern.compile("^package (dev\\.uploadgateway\\.[\\w.]+);", Pattern.MULTILINE);
    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/");
    private static final List<String> LAYERS = List.of("boundary", "control", "entity");

    @Test
    void theCodeKeepsTheDirection() throws IOException {
        Map<String, List<String>> sources = new TreeMap<>();
        read(Path.of("../ejb/src/main/java"), sources);
        read(Path.of("src/main/java"), sources);
        assertTrue(sources.size() > 100, "read the sources of ejb and web: " + sources.size() + " classes");
        assertEquals(List.of(), violations(sources));
    }

    @Test
    void eachRuleCatchesItsBreach() {
        Map<String, List<String>> breaches = new TreeMap<>(Map.of(
                "dev.uploadgateway.web.upload.UploadsResource", List.of("dev.uploadgateway.upload.control.UploadStore"),
                "dev.uploadgateway.provider.control.Providers", List.of("dev.uploadgateway.upload.entity.Upload"),
                "dev.uploadgateway.upload.control.Recovery", List.of("dev.uploadgateway.upload.boundary.UploadService"),
                "dev.uploadgateway.upload.entity.Upload", List.of("dev.uploadgateway.upload.control.Spool"),
                "dev.uploadgateway.json.JsonP", List.of()));
        List<String> found = violations(breaches);
        assertEquals(5, found.size(), String.join("\n", found));
        assertTrue(found.get(0).contains("json.JsonP"), found.get(0));
        assertTrue(found.stream().anyMatch(v -> v.startsWith("dev.uploadgateway.web.upload.UploadsResource ")), "web → control");
        assertTrue(found.stream().anyMatch(v -> v.startsWith("dev.uploadgateway.provider.control.Providers ")), "provider → upload");
        assertTrue(found.stream().anyMatch(v -> v.startsWith("dev.uploadgateway.upload.control.Recovery ")), "control → boundary");
        assertTrue(found.stream().anyMatch(v -> v.startsWith("dev.uploadgateway.upload.entity.Upload ")), "entity → control");
    }

    /** Each class (by name) with the gateway's classes it refers to; every breach as one line. */
    static List<String> violations(Map<String, List<String>> references) {
        List<String> found = new ArrayList<>();
        references.forEach((from, targets) -> {
            String[] f = from.split("\\.");
            String component = f[2];
            String layer = f.length > 4 ? f[3] : "";
            if (!component.equals("web") && !LAYERS.contains(layer)) {
                found.add(from + " is not in a component's boundary, control or entity");
            }
            for (String target : targets) {
                String[] t = target.split("\\.");
                String toComponent = t[2];
                String toLayer = t[3];
                if (component.equals("web") && !toComponent.equals("web") && !List.of("boundary", "entity").contains(toLayer)) {
                    found.add(from + " (web) reaches " + target + ": only boundaries and entities");
                } else if (component.equals("provider") && toComponent.equals("upload")) {
                    found.add(from + " (provider) reaches " + target + ": the provider port knows nothing of uploads");
                } else if (component.equals("rollout") && toComponent.equals("notification")) {
                    found.add(from + " (rollout) reaches " + target + ": the rollout announces its moves, it knows no receiver");
                } else if (layer.equals("control") && toLayer.equals("boundary")) {
                    found.add(from + " (control) reaches " + target + ": a boundary calls controls, not the other way");
                } else if (layer.equals("entity") && (toLayer.equals("control") || toLayer.equals("boundary"))) {
                    found.add(from + " (entity) reaches " + target + ": entities stand alone");
                }
            }
        });
        return found;
    }

    private static void read(Path root, Map<String, List<String>> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                assertTrue(pkg.find(), file + " has a package");
                List<String> targets = new ArrayList<>();
                Matcher ref = REFERENCE.matcher(COMMENTS.matcher(source).replaceAll(""));
                while (ref.find()) {
                    targets.add(ref.group());
                }
                into.put(pkg.group(1) + "." + name, targets);
            }
        }
    }
}
