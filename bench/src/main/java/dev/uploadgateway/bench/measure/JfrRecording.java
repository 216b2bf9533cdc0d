package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.file.Path;

/** A JFR recording of another JVM with the {@code profile} settings, started and dumped by jcmd. */
public final class JfrRecording {

    private static final String NAME = "bench";

    private final long pid;
    private final Path file;

    private JfrRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    public static JfrRecording start(long pid, Path file) throws IOException, InterruptedException {
        Jcmd.run(pid, "JFR.start", "name=" + NAME, "settings=profile");
        return new JfrRecording(pid, file);
    }

    /** Stops the recording and writes it to the file given at start. */
    public Path stop() throws IOException, InterruptedException {
        Jcmd.run(pid, "JFR.stop", "name=" + NAME, "filename=" + file);
        return file;
    }
}
