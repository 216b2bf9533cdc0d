package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Upload records in a map instead of the datasource, counting what was written. */
class RecordingStore extends UploadStore {

    final Map<String, Upload> records = new LinkedHashMap<>();
    final List<String> updates = new ArrayList<>();
    int creates;

    @Override
    public synchronized Upload create(Upload upload) {
        creates++;
        records.put(upload.getId(), upload);
        return upload;
    }

    @Override
    public synchronized Upload update(String id, Consumer<Upload> change) {
        Upload upload = find(id);
        change.accept(upload);
        updates.add(upload.getState().name());
        return upload;
    }

    @Override
    public synchronized Upload find(String id) {
        Upload upload = records.get(id);
        if (upload == null) {
            throw new UploadNotFound(id);
        }
        return upload;
    }

    @Override
    public synchronized Optional<Upload> byIdempotencyKey(Tenant tenant, String key) {
        String stored = tenant.idempotencyKey(key);
        return records.values().stream().filter(u -> stored != null && stored.equals(u.getIdempotencyKey())).findFirst();
    }
}
