package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadNotFound;
import dev.uploadgateway.upload.entity.UploadState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;

/**
 * Delivered uploads as a library of files, the view the OpenAI-compatible files API offers: list,
 * look up, read back from the provider, delete at the provider. A deleted file keeps its record
 * (the audit trail needs it) but no longer appears.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileLibrary {

    @Inject
    UploadStore store;
    @Inject
    Providers providers;

    public List<Upload> list(int limit) {
        return store.stored(0, Math.max(1, Math.min(limit, 10_000)));
    }

    /** A delivered, not deleted file; anything else is not found. */
    public Upload file(String uploadId) {
        Upload upload = store.find(uploadId);
        if (upload.getState() != UploadState.DELIVERED || upload.getDeletedAt() != null) {
            throw new UploadNotFound(uploadId);
        }
        return upload;
    }

    public InputStream content(String uploadId) {
        Upload upload = file(uploadId);
        return providers.byName(upload.getProvider()).content(upload.getProviderFileId());
    }

    public void delete(String uploadId) {
        Upload upload = file(uploadId);
        providers.byName(upload.getProvider()).delete(upload.getProviderFileId());
        store.update(uploadId, Upload::deleted);
    }
}
