package dev.uploadgateway.audit.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON objects, one per line. Each append, of one record or of a batch, is a
 * single write, so a crash leaves at most a torn last line, which reading skips; a durable file also
 * forces each append to disk before {@link #append} returns (an fsync, under this file's lock). The
 * file is opened for each append, so a trail moved away by logrotate is recreated by the next one.
 */
public class JsonLines {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final OpenOption[] APPEND = {StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE};
    private static final OpenOption[] APPEND_DURABLY = {StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE, StandardOpenOption.DSYNC};

    private final Path file;
    private final OpenOption[] options;

    /**
     * @param durable force every record to disk: for records that exist nowhere else. A record that
     *                repeats what the database holds need not pay an fsync per line (the benchmark
     *                found every upload queued behind the upload trail's).
     */
    public JsonLines(Path file, boolean durable) {
        this.file = file;
        this.options = durable ? APPEND_DURABLY : APPEND;
    }

    public Path file() {
        return file;
    }

    public void append(String json) {
        append(List.of(json));
    }

    /** Appends {@code jsons} in order with one write (Files.write would split it every 8 KiB). */
    public synchronized void append(List<String> jsons) {
        StringBuilder text = new StringBuilder(jsons.size() * 256);
        for (String json : jsons) {
            text.append(line(json)).append('\n');
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, options)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** {@code json} if it fits on one line; thrown before anything is queued or written. */
    public static String line(String json) {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a JSON line must not contain a line break");
        }
        return json;
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
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            into.add(reader.readObject());
        } catch (RuntimeException torn) {
            // a line cut short by a crash: the record was never acknowledged, skip it
        }
    }
}
