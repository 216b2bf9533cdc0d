package dev.uploadgateway.bench.measure;

import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's threads at one moment, grouped by pool (the name without its number), with their
 * states and where most of them stand: the first frame outside the JDK, so a pool whose threads all
 * wait in the provider client's socket read (httpcore5) or in Grizzly's read says so.
 */
public final class ThreadCensus {

    /** One pool's line. */
    public record Group(String pool, int threads, Map<Thread.State, Integer> states, String mostAt, int mostAtCount) {
    }

    /** Where a pool worker waits for its next task. */
    private static final java.util.Set<String> IDLE = java.util.Set.of("LinkedBlockingQueue.take", "LinkedBlockingQueue.poll",
            "SynchronousQueue.take", "SynchronousQueue.poll", "ThreadPoolExecutor.getTask", "SyncThreadWorker.getTask",
            "SyncThreadPool$SyncThreadWorker.getTask", "ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
            "LinkedTransferQueue.take", "LinkedTransferQueue.poll");

    private ThreadCensus() {
    }

    public static List<Group> of(List<ThreadInfo> threads) {
        Map<String, List<ThreadInfo>> byPool = new TreeMap<>();
        for (ThreadInfo t : threads) {
            byPool.computeIfAbsent(pool(t.getThreadName()), k -> new ArrayList<>()).add(t);
        }
        List<Group> groups = new ArrayList<>();
        byPool.forEach((pool, members) -> {
            Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
            Map<String, Integer> at = new LinkedHashMap<>();
            for (ThreadInfo t : members) {
                states.merge(t.getThreadState(), 1, Integer::sum);
                at.merge(where(t.getStackTrace()), 1, Integer::sum);
            }
            Map.Entry<String, Integer> most = at.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            groups.add(new Group(pool, members.size(), states, most.getKey(), most.getValue()));
        });
        groups.sort(Comparator.comparingInt(Group::threads).reversed());
        return groups;
    }

    /** Threads of the named pools that are not waiting for work: requests and deliveries still going on. */
    public static int busy(List<ThreadInfo> threads, java.util.Set<String> pools) {
        int busy = 0;
        for (ThreadInfo t : threads) {
            if (pools.contains(pool(t.getThreadName())) && !where(t.getStackTrace()).startsWith("idle: ")) {
                busy++;
            }
        }
        return busy;
    }

    /** {@code http-thread-pool::http-listener(38)} and {@code __ejb-thread-pool12} lose their numbers. */
    static String pool(String name) {
        String pool = name;
        String previous;
        do {
            previous = pool;
            pool = pool.replaceAll("[\\s#_-]*\\(?\\d+\\)?$", "");
        } while (!pool.equals(previous) && !pool.isEmpty());
        return pool.isEmpty() ? name : pool;
    }

    /**
     * The first frame outside the JDK; for a thread with JDK frames only (an idle pool worker), the
     * first frame above the parking machinery, e.g. {@code LinkedBlockingQueue.take}.
     */
    static String where(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (IDLE.contains(simple(frame))) {
                return "idle: " + simple(frame);
            }
        }
        String waitingIn = null;
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.") && !c.startsWith("com.sun.proxy")) {
                return simple(frame);
            }
            if (waitingIn == null && !c.startsWith("jdk.internal.") && !c.startsWith("java.util.concurrent.locks.")
                    && !c.equals("java.lang.Object") && !c.equals("java.lang.Thread")) {
                waitingIn = simple(frame);
            }
        }
        return waitingIn != null ? waitingIn : stack.length == 0 ? "(no Java frames)" : simple(stack[0]);
    }

    private static String simple(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }
}
