package dev.uploadgateway.upload.entity;

import jakarta.ejb.ApplicationException;

/** No upload record has the requested id. */
@ApplicationException
public class UploadNotFound extends UploadRejected {

    public UploadNotFound(String id) {
        super(404, "upload-not-found", "Upload not found", "No upload has the id '" + id + "'.");
    }
}
