package dev.uploadgateway.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The gateway's HTTP API, under {@code /api}. Operators authenticate with HTTP Basic (over TLS in
 * production) against the identity store in the EJB module; web.xml says which paths need them.
 */
@ApplicationPath("api")
@BasicAuthenticationMechanismDefinition(realmName = "upload-gateway")
@DeclareRoles("rollout-admin")
public class GatewayApplication extends Application {
}
