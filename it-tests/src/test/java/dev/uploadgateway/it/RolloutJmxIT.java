package dev.uploadgateway.it;

import dev.uploadgateway.testkit.LoopbackPorts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * The rollout's MXBean as JConsole or a monitoring agent sees it: over a JMX remote connection to
 * the gateway's own JVM (started with the JDK's standard jmxremote options, loopback only).
 */
class RolloutJmxIT {

    /** The same shape as the server's dev.uploadgateway.rollout.boundary.RolloutMXBean, as a JMX client declares it. */
    public interface RolloutMXBean {
        int getStage();

        double getPercent();

        boolean isPaused();

        String getState();

        String getLastVerdict();

        String pause();

        String resume();

        String promote();

        String approve();
    }

    @Test
    void showsTheRolloutAndTakesOperatorActionsOverJmx() throws Exception {
        int jmxPort = LoopbackPorts.free();
        try (MicroProcess micro = MicroProcess.start(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                        "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false"),
                Map.of("async.upload.enabled", "true", "async.upload.rollout", "10"))) {
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                RolloutMXBean rollout = JMX.newMXBeanProxy(server, new ObjectName("dev.uploadgateway:type=Rollout"),
                        RolloutMXBean.class);
                assertEquals(2, rollout.getStage());
                assertEquals(10.0, rollout.getPercent());
                assertFalse(rollout.isPaused());
                assertTrue(rollout.pause().startsWith("pause"), "pause taken");
                assertTrue(rollout.isPaused());
                assertEquals("PAUSED", rollout.getState());
                assertTrue(rollout.pause().startsWith("refused"), "a second pause is refused, not thrown");
                assertTrue(rollout.approve().startsWith("refused: nothing awaits approval"), "no gate waits");
                GatewayClient gateway = GatewayClient.at(micro.url());
                assertTrue(gateway.get("api/rollout").json().getBoolean("paused"), "the HTTP API sees the same state");
                assertTrue(rollout.resume().startsWith("resume"));
                assertFalse(rollout.isPaused());
                assertTrue(gateway.get("api/rollout/events").body().contains("\"action\":\"pause\""), "audited");
            }
        }
    }
}
