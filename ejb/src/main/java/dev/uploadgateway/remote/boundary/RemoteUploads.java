package dev.uploadgateway.remote.boundary;

import dev.uploadgateway.remote.entity.FileUpload;
import dev.uploadgateway.remote.entity.RolloutStatus;
import dev.uploadgateway.remote.entity.UploadProblem;
import dev.uploadgateway.remote.entity.UploadStatus;

/**
 * The gateway's remote business interface, for Java clients in other JVMs over RMI-IIOP. Declared
 * remote by the EAR's deployment descriptor, not by annotation, so this interface carries no
 * Jakarta type and the client jar is plain Java. Look it up as
 * {@code java:global/upload-gateway/upload-gateway-ejb/RemoteUploadService!dev.uploadgateway.remote.boundary.RemoteUploads}.
 * Every method throws {@link UploadProblem} when the gateway refuses or fails.
 */
public interface RemoteUploads {

    /**
     * Uploads a file and returns when it has been delivered (or throws when it has failed), after
     * the same rollout decision, limits, retries and fallback as {@code POST /api/uploads}.
     * Files above {@code remote.upload.max-bytes} are refused with type {@code upload-too-large}:
     * send those over HTTP, which streams them.
     */
    UploadStatus upload(FileUpload file);

    /** The upload's current record; type {@code upload-not-found} for an unknown id. */
    UploadStatus status(String uploadId);

    /** The rollout switches the next upload will see. */
    RolloutStatus rollout();
}
