package dev.uploadgateway.bench.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NginxConfigTest {

    private final String conf = NginxConfig.render(Path.of("/w/nginx"), 18080, 19090);

    @Test
    void streamsRequestBodiesWithoutLimit() {
        assertTrue(conf.contains("proxy_request_buffering off;"));
        assertTrue(conf.contains("client_max_body_size 0;"));
    }

    @Test
    void listensOnLoopbackOnlyAndKeepsEveryPathUnderItsPrefix() {
        assertTrue(conf.contains("listen 127.0.0.1:18080;"));
        assertTrue(conf.contains("server 127.0.0.1:19090;"));
        assertTrue(conf.contains("pid /w/nginx/nginx.pid;"));
        assertTrue(conf.contains("client_body_temp_path /w/nginx/client_body;"));
        assertTrue(conf.contains("daemon off;"));
    }
}
