package dev.uploadgateway.it;

import dev.uploadgateway.emulator.ProviderEmulator;
import java.io.IOException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian test of the gateway starts from: the real WAR on Payara Micro, a provider
 * emulator on the port the gateway was booted with, and the rollout on at 50 % with fallback on
 * (set in the config directory and awaited, never assumed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class GatewayIT {

    static ProviderEmulator emulator;

    @ArquillianResource
    URL deployment;
    GatewayClient gateway;

    @Deployment(testable = false)
    static WebArchive war() {
        return GatewayDeployment.war();
    }

    @BeforeAll
    static void startEmulator() throws IOException {
        ConfigDir.reset();
        emulator = GatewayDeployment.emulator();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
        ConfigDir.reset();
    }

    @BeforeEach
    void atFiftyPercent() throws Exception {
        ConfigDir.reset();
        emulator.reset();
        gateway = GatewayClient.at(deployment);
        gateway.awaitRollout(r -> r.getBoolean("asyncEnabled") && r.getBoolean("fallback")
                && r.getJsonNumber("percent").doubleValue() == 50, "async on at 50 % with fallback");
    }

    java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + deployment.getPort() + "/" + path);
    }
}
