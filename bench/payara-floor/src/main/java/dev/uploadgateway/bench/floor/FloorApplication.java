package dev.uploadgateway.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Under {@code /api}, as the gateway's own application, so both are sent the same request path. */
@ApplicationPath("api")
public class FloorApplication extends Application {
}
