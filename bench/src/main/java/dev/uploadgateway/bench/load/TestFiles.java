package dev.uploadgateway.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * The upload bodies: one file of random (incompressible) bytes per size, written once and reused
 * by every request and every run while its size is right.
 */
public final class TestFiles {

    private static final int CHUNK = 1 << 20;

    private TestFiles() {
    }

    public static Path ensure(Path directory, long bytes) throws IOException {
        Path file = directory.resolve("upload-" + bytes + ".bin");
        if (Files.isRegularFile(file) && Files.size(file) == bytes) {
            return file;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve(file.getFileName() + ".partial");
        SplittableRandom random = new SplittableRandom(bytes);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(partial)) {
            for (long left = bytes; left > 0; left -= CHUNK) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(chunk, 0, (int) Math.min(CHUNK, left));
            }
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
