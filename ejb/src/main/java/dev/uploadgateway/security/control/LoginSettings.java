package dev.uploadgateway.security.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How failed logins are throttled ({@code auth.failed-login-*}); fixed at startup, checked by {@code StartupValidation}. */
@ConfigProperties(prefix = "auth")
@Dependent
public class LoginSettings {

    @ConfigProperty(name = "failed-login-burst")
    @Min(1)
    @Max(1_000_000)
    public int failedLoginBurst;

    @ConfigProperty(name = "failed-login-window-seconds")
    @Min(1)
    @Max(86_400)
    public long failedLoginWindowSeconds;
}
