package dev.uploadgateway.bench.measure;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to another JVM on this machine through the Attach API: the target starts its
 * local management agent on request, so the gateway needs no JMX port or flag.
 */
public final class JmxProbe implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JmxProbe.class.getName());

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;

    private JmxProbe(JMXConnector connector) throws IOException {
        this.connector = connector;
        var server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    }

    public static JmxProbe attach(long pid) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                String address = vm.startLocalManagementAgent();
                return new JmxProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Runs a full collection ({@code System.gc()}) and returns what is left: the live set, bytes. */
    public long liveHeapBytes() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The live heap once the JVM has finished its work: waits (at most {@code maxWait}) until no
     * thread of {@code pools} is busy — the previous cell's stragglers, timed-out uploads the
     * server still reads — then collects.
     */
    public long quietLiveHeapBytes(java.util.Set<String> pools, java.time.Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (ThreadCensus.busy(threads(), pools) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        return liveHeapBytes();
    }

    public List<ThreadInfo> threads() {
        return List.of(threads.dumpAllThreads(false, false));
    }

    /** Closes the connection; a gateway that already died took it along, which is only worth a FINE line. */
    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "JMX connection to the gateway ended badly: {0}", e.getMessage());
        }
    }
}
