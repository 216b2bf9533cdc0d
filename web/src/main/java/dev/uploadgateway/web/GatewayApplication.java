package dev.uploadgateway.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The gateway's HTTP API, under {@code /api}. */
@ApplicationPath("api")
public class GatewayApplication extends Application {
}
