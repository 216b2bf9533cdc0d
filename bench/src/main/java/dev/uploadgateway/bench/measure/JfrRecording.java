package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's one JFR recording ({@code settings=profile}), started by the gateway JVM's own
 * command line and cut into windows with {@code JFR.dump begin=… end=…}. It is never started by
 * {@code jcmd JFR.start}: on JDK 17 the first JFR.start in a warm VM throws away most compiled code
 * (JDK-8324241, fixed in JDK 23; C2-compiled methods fell from 520 to 108), so the profiled pass
 * measured a partly deoptimised gateway. A dump holds whole chunks, so the summary keeps only the
 * events of the window.
 */
public final class JfrRecording {

    private static final String NAME = "bench";

    private JfrRecording() {
    }

    /**
     * The gateway JVM's options: the recording from the first instruction on, its repository in
     * {@code repository}; 256 MB of chunks is minutes of profile-level events, and the passes that
     * are dumped are the last ones of a run.
     */
    public static List<String> jvmOptions(Path repository) {
        return List.of("-XX:StartFlightRecording:name=" + NAME + ",settings=profile,disk=true,maxsize=256m",
                "-XX:FlightRecorderOptions:repository=" + repository);
    }

    /** A window of the running recording of the JVM {@code pid}, from now until {@link Window#summary}. */
    public static Window from(long pid) {
        return new Window(pid, Instant.now());
    }

    /** The recording between {@code begin} and the call to {@link #summary}. */
    public record Window(long pid, Instant begin) {

        /** Ends the window now, dumps it to {@code file} and summarises the events inside it. */
        public JfrSummary summary(Path file) throws IOException, InterruptedException {
            Instant end = Instant.now();
            Jcmd.run(pid, "JFR.dump", "name=" + NAME, "begin=" + begin, "end=" + end, "filename=" + file);
            return JfrSummary.read(file, begin, end);
        }
    }
}
