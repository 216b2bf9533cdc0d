package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.entity.Tenant;
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

    public List<Upload> list(Tenant tenant, int limit) {
        return store.stored(tenant, 0, Math.max(1, Math.min(limit, 10_000)));
    }

    /** The tenant's delivered, not deleted file; anything else is not found. */
    public Upload file(Tenant tenant, String uploadId) {
        Upload upload = store.find(tenant, uploadId);
        if (upload.getState() != UploadState.DELIVERED || upload.getDeletedAt() != null) {
            throw new UploadNotFound(uploadId);
        }
        return upload;
    }

    public InputStream content(Tenant tenant, String uploadId) {
        Upload upload = file(tenant, uploadId);
        return providers.byName(upload.getProvider()).content(upload.getProviderFileId());
    }

    public void delete(Tenant tenant, String uploadId) {
        Upload upload = file(tenant, uploadId);
        providers.byName(upload.getProvider()).delete(upload.getProviderFileId());
        store.update(uploadId, Upload::deleted);
    }
}
