package dev.uploadgateway.remote.entity;

import java.io.Serial;
import java.io.Serializable;

/**
 * A file as a remote caller hands it over: its bytes (up to {@code remote.upload.max-bytes}) and
 * the fields of the HTTP form. {@code provider} and {@code purpose} may be null for the gateway's
 * defaults; {@code stickinessKey} keeps the caller on one delivery path (null: a fresh key).
 */
public final class FileUpload implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String filename;
    private final String contentType;
    private final String provider;
    private final String purpose;
    private final String stickinessKey;
    private final byte[] content;

    public FileUpload(String filename, String contentType, String provider, String purpose, String stickinessKey,
                      byte[] content) {
        this.filename = filename;
        this.contentType = contentType;
        this.provider = provider;
        this.purpose = purpose;
        this.stickinessKey = stickinessKey;
        this.content = content;
    }

    public String filename() { return filename; }
    public String contentType() { return contentType; }
    public String provider() { return provider; }
    public String purpose() { return purpose; }
    public String stickinessKey() { return stickinessKey; }
    public byte[] content() { return content; }
}
