package dev.uploadgateway.upload.entity;

import jakarta.ejb.ApplicationException;

/** The async path is at its configured capacity; the caller should retry after a pause. */
@ApplicationException
public class GatewayBusy extends UploadRejected {

    private final long retryAfterSeconds;

    public GatewayBusy(long retryAfterSeconds, String detail) {
        super(503, "gateway-busy", "Gateway busy", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
