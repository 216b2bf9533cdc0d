package dev.uploadgateway.bench.process;

import java.nio.file.Path;

/**
 * The proxy's configuration: request bodies streamed to the upstream as they arrive
 * ({@code proxy_request_buffering off}), no body size limit, HTTP/1.1 keep-alive to the emulator,
 * every path and temp directory under the given prefix.
 */
final class NginxConfig {

    private NginxConfig() {
    }

    static String render(Path prefix, int port, int upstreamPort) {
        return """
                daemon off;
                master_process on;
                worker_processes auto;
                worker_rlimit_nofile 16384;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events {
                    worker_connections 8192;
                }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream emulator {
                        server 127.0.0.1:%3$d;
                        keepalive 256;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        client_max_body_size 0;
                        location / {
                            proxy_pass http://emulator;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_request_buffering off;
                            proxy_buffering off;
                            proxy_connect_timeout 10s;
                            proxy_send_timeout 300s;
                            proxy_read_timeout 300s;
                        }
                    }
                }
                """.formatted(prefix, port, upstreamPort);
    }
}
