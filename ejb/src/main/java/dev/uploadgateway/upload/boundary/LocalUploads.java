package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadForm;
import jakarta.ejb.Local;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;

/**
 * The upload service's local business view for in-server callers that hold the content as a
 * stream (the remote view's bean, other modules of the same application): nothing is buffered, the
 * same rollout decision, limits, paths and records apply as for {@code POST /api/uploads}.
 */
@Local
public interface LocalUploads {

    /** Takes the upload on; the stage completes when it has been delivered or has failed. */
    CompletionStage<Upload> upload(Tenant tenant, UploadForm form, InputStream content, String stickinessKey);

    /** @throws dev.uploadgateway.upload.entity.UploadNotFound when the tenant has no upload with the id */
    Upload find(Tenant tenant, String id);
}
