package dev.uploadgateway.bench.plan;

/**
 * One point of the matrix: every target sends {@code requests} uploads of {@code fileBytes} with
 * {@code concurrency} of them in flight (a closed loop). {@code profiled} cells also record a JFR
 * profile of the gateway.
 */
public record Cell(long fileBytes, int concurrency, int requests, boolean profiled) {

    public static final long MIB = 1024L * 1024;

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
        long bytes = sizeMiB * MIB;
        long affordable = Math.max(1, byteBudget / bytes);
        int requests = (int) Math.max(concurrency, Math.min(planned, affordable));
        return new Cell(bytes, concurrency, requests, profiled);
    }

    public int sizeMiB() {
        return (int) (fileBytes / MIB);
    }

    public long totalBytes() {
        return fileBytes * requests;
    }

    /** {@code 50MiB-c100}: stable, sortable and safe in file names. */
    public String id() {
        return id(sizeMiB(), concurrency);
    }

    /** The id of the cell of this size and concurrency, whatever its request count. */
    public static String id(int sizeMiB, int concurrency) {
        return sizeMiB + "MiB-c" + concurrency;
    }

    public String title() {
        return sizeMiB() + " MiB × c=" + concurrency;
    }
}
