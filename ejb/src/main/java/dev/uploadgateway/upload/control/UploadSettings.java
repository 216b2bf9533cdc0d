package dev.uploadgateway.upload.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upload component's settings ({@code upload.*}; defaults and meaning in
 * microprofile-config.properties), read once when a bean that uses them is created and checked at
 * startup ({@code StartupValidation}), which refuses the deployment naming every bad key. They are
 * fixed while the gateway runs: a changed limit, path or pool size takes a restart. Only the rollout
 * switches are read live.
 */
@ConfigProperties(prefix = "upload")
@Dependent
public class UploadSettings {

    @ConfigProperty(name = "max-bytes")
    @Min(1)
    public long maxBytes;

    @ConfigProperty(name = "spool-dir")
    @NotBlank
    public String spoolDir;

    @ConfigProperty(name = "spool-shared")
    public boolean spoolShared;

    @ConfigProperty(name = "async.max-in-flight")
    @Min(1)
    @Max(100_000)
    public int asyncMaxInFlight;

    @ConfigProperty(name = "async.forward-while-receiving")
    public boolean asyncForwardWhileReceiving;

    @ConfigProperty(name = "async.admission-wait-seconds")
    @Min(0)
    @Max(3_600)
    public long asyncAdmissionWaitSeconds;

    @ConfigProperty(name = "busy-retry-after-seconds")
    @Min(1)
    @Max(86_400)
    public long busyRetryAfterSeconds;

    @ConfigProperty(name = "sync.heap-share")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1")
    public double syncHeapShare;

    @ConfigProperty(name = "sync.heap-wait-seconds")
    @Min(0)
    @Max(3_600)
    public long syncHeapWaitSeconds;

    @ConfigProperty(name = "max-request-threads")
    @Min(1)
    @Max(100_000)
    public int maxRequestThreads;

    @ConfigProperty(name = "read-idle-timeout-seconds")
    @Min(1)
    @Max(86_400)
    public long readIdleTimeoutSeconds;

    @ConfigProperty(name = "min-bytes-per-second")
    @Min(0)
    public long minBytesPerSecond;

    @ConfigProperty(name = "failed-spool-retention-hours")
    @Min(0)
    public long failedSpoolRetentionHours;
}
