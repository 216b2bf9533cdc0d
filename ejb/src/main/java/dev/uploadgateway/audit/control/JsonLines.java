package dev.uploadgateway.audit.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON objects, one per line. Each record is written with a single append
 * and forced to disk, so a crash leaves at most a torn last line, which reading skips.
 */
public class JsonLines {

    private final Path file;

    public JsonLines(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(String json) {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a JSON line must not contain a line break");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Every complete record, oldest first. */
    public synchronized List<JsonObject> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonObject> records = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line, records);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A page of records, newest first. */
    public List<JsonObject> newest(int offset, int limit) {
        List<JsonObject> all = all();
        List<JsonObject> page = new ArrayList<>();
        for (int i = all.size() - 1 - offset; i >= 0 && page.size() < limit; i--) {
            page.add(all.get(i));
        }
        return page;
    }

    private static void parse(String line, List<JsonObject> into) {
        if (line.isBlank()) {
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            into.add(reader.readObject());
        } catch (RuntimeException torn) {
            // a line cut short by a crash: the record was never acknowledged, skip it
        }
    }
}
