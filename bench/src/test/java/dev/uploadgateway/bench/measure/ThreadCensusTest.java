package dev.uploadgateway.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadCensusTest {

    @Test
    void groupsThreadsByPoolName() {
        assertEquals("http-thread-pool::http-listener", ThreadCensus.pool("http-thread-pool::http-listener(38)"));
        assertEquals("__ejb-thread-pool", ThreadCensus.pool("__ejb-thread-pool12"));
        assertEquals("HttpClient-1-Worker", ThreadCensus.pool("HttpClient-1-Worker-3"));
        assertEquals("main", ThreadCensus.pool("main"));
        assertEquals("42", ThreadCensus.pool("42"));
    }

    @Test
    void placesAThreadAtItsFirstFrameOutsideTheJdk() {
        StackTraceElement[] stack = {
                new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -1),
                new StackTraceElement("java.util.concurrent.CompletableFuture", "get", null, -1),
                new StackTraceElement("dev.uploadgateway.provider.control.FilesApiClient", "exchange", null, -1)};
        assertEquals("FilesApiClient.exchange", ThreadCensus.where(stack));
    }

    @Test
    void callsAPoolWorkerWaitingForWorkIdle() {
        StackTraceElement[] stack = {
                new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -1),
                new StackTraceElement("java.util.concurrent.ForkJoinPool", "unmanagedBlock", null, -1),
                new StackTraceElement("java.util.concurrent.LinkedBlockingQueue", "take", null, -1),
                new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "getTask", null, -1),
                new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "runWorker", null, -1)};
        assertEquals("idle: LinkedBlockingQueue.take", ThreadCensus.where(stack));
    }
}
