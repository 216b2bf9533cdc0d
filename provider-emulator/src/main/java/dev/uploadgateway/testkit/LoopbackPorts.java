package dev.uploadgateway.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports on 127.0.0.1 for servers that a test or the benchmark starts in another process, picked
 * below the kernel's ephemeral range (32768-60999 by default): a port picked with
 * {@code new ServerSocket(0)} comes from that range, and in the seconds before the other process
 * binds it, any outgoing connection on the machine may take it as its local end (CI saw a cluster
 * node fail with "Address already in use"). Picks walk 20000 up to the range from a random start and
 * never repeat within one JVM; Payara Server's port blocks in the tests take 10100-11999 and the
 * ports Maven reserves 12000-19999 (it-tests/pom.xml). Written by hand: the JDK picks only from the
 * ephemeral range.
 */
public final class LoopbackPorts {

    private static final int FIRST = 20_000;
    private static final int END = belowEphemeral();
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(END - FIRST));

    private LoopbackPorts() {
    }

    /** A port nobody listens on now, outside the ephemeral range. */
    public static int free() throws IOException {
        return freeRun(1);
    }

    /** The first of {@code n} consecutive ports nobody listens on now, outside the ephemeral range. */
    public static int freeRun(int n) throws IOException {
        for (int attempt = 0; attempt < 500; attempt++) {
            int first = FIRST + Math.floorMod(NEXT.getAndAdd(n), END - FIRST - n);
            if (allFree(first, n)) {
                return first;
            }
        }
        throw new IOException("no " + n + " consecutive free ports on 127.0.0.1 between " + FIRST + " and " + END);
    }

    private static boolean allFree(int first, int n) {
        for (int port = first; port < first + n; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound, so free: closed again at once
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** The lower end of the kernel's ephemeral range when it leaves room below, else Linux's default. */
    private static int belowEphemeral() {
        try {
            int low = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
            return low >= FIRST + 2_000 ? low : 32_768;
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
