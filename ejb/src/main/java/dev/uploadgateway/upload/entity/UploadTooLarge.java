package dev.uploadgateway.upload.entity;

import jakarta.ejb.ApplicationException;

/** The body or the file is larger than the gateway or the chosen provider accepts. */
@ApplicationException
public class UploadTooLarge extends UploadRejected {

    public UploadTooLarge(String detail) {
        super(413, "upload-too-large", "Upload too large", detail);
    }
}
