package dev.uploadgateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway's runtime config directory (server-config's {@code set-config-dir}): one file per
 * key. Files are written in place, with no trailing newline, because Payara reads the content
 * verbatim and reacts to modifications.
 */
final class ConfigDir {

    private static final Path DIR = Path.of(System.getProperty("gateway.config.dir"));

    private ConfigDir() {
    }

    static void set(String key, String value) {
        try {
            Path file = DIR.resolve(key);
            if (Files.isRegularFile(file) && Files.readString(file).equals(value)) {
                return; // no rewrite, so no instant in which Payara reads the file empty
            }
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file in place even when it holds {@code value} already, as an operator's {@code printf} would. */
    static void rewrite(String key, String value) {
        try {
            Files.writeString(DIR.resolve(key), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state every test class starts from: async on at 50 %, fallback on. */
    static void reset() {
        set("async.upload.enabled", "true");
        set("async.upload.rollout", "50");
        set("async.upload.fallback", "true");
    }
}
