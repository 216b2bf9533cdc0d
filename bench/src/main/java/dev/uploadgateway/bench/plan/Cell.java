package dev.uploadgateway.bench.plan;

/**
 * One point of the matrix: every target sends {@code requests} uploads of {@code fileBytes} with
 * {@code concurrency} of them in flight (a closed loop). {@code profiled} cells also record a JFR
 * profile of the gateway.
 */
public record Cell(long fileBytes, int concurrency, int requests, boolean profiled) {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;

    public Cell {
        if (fileBytes < 1 || concurrency < 1 || requests < concurrency) {
            throw new IllegalArgumentException("a cell needs a file, 1 or more in flight and at least one request per"
                    + " connection: bytes " + fileBytes + ", concurrency " + concurrency + ", requests " + requests);
        }
    }

    /**
     * A cell of {@code sizeMiB} at {@code concurrency} with {@code planned} requests, cut down to what
     * fits in {@code byteBudget} but never below one request per connection.
     */
    public static Cell of(int sizeMiB, int concurrency, int planned, long byteBudget, boolean profiled) {
        return ofBytes(sizeMiB * MIB, concurrency, planned, byteBudget, profiled);
    }

    /** As {@link #of}, for a size in KiB: the small files where the cost per request rules. */
    public static Cell ofKiB(int sizeKiB, int concurrency, int planned, long byteBudget, boolean profiled) {
        return ofBytes(sizeKiB * KIB, concurrency, planned, byteBudget, profiled);
    }

    private static Cell ofBytes(long bytes, int concurrency, int planned, long byteBudget, boolean profiled) {
        long affordable = Math.max(1, byteBudget / bytes);
        int requests = (int) Math.max(concurrency, Math.min(planned, affordable));
        return new Cell(bytes, concurrency, requests, profiled);
    }

    /** The file size in MiB, a fraction for files under 1 MiB (64 KiB = 0.0625). */
    public double sizeMiB() {
        return (double) fileBytes / MIB;
    }

    public long totalBytes() {
        return fileBytes * requests;
    }

    /** {@code 50MiB-c100}, {@code 64KiB-c10}: stable, sortable and safe in file names. */
    public String id() {
        return id(fileBytes, concurrency);
    }

    /** The id of the cell of this size and concurrency, whatever its request count. */
    public static String id(int sizeMiB, int concurrency) {
        return id(sizeMiB * MIB, concurrency);
    }

    /** The id of the cell of {@code fileBytes} at {@code concurrency}. */
    public static String id(long fileBytes, int concurrency) {
        return size(fileBytes, "") + "-c" + concurrency;
    }

    public String title() {
        return size(fileBytes, " ") + " × c=" + concurrency;
    }

    /** {@code 64 KiB}, {@code 50 MiB} (with {@code gap} between number and unit). */
    public static String size(long bytes, String gap) {
        if (bytes % MIB == 0) {
            return bytes / MIB + gap + "MiB";
        }
        return bytes % KIB == 0 ? bytes / KIB + gap + "KiB" : bytes + gap + "B";
    }
}
