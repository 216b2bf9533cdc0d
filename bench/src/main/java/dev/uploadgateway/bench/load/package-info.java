/**
 * The load generator: a closed loop of {@code java.net.http.HttpClient} requests (HTTP/1.1 pinned,
 * bodies streamed from files on disk, never from heap) that keeps exactly {@code concurrency}
 * uploads in flight until the cell's count or time bound is reached, and the tally of what came
 * back. Every request carries a deadline; an answer that does not come in time is a timeout, the
 * gateway's 504 is one too, and the sync path's 503 {@code sync-path-out-of-memory} is counted as
 * an out-of-memory, apart from other errors.
 */
package dev.uploadgateway.bench.load;
