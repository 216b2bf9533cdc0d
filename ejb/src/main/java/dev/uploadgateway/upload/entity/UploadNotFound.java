package dev.uploadgateway.upload.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import jakarta.ejb.ApplicationException;

/** No upload record has the requested id. */
@ApplicationException
public class UploadNotFound extends Refused {

    public UploadNotFound(String id) {
        super(ProblemType.UPLOAD_NOT_FOUND, "No upload has the id '" + id + "'.");
    }
}
