package dev.uploadgateway.emulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** The JSON shapes of a received file: the provider's file object and the control plane's record. */
final class FileJson {

    private FileJson() {
    }

    static JsonObject fileObject(ReceivedFile file) {
        return Json.createObjectBuilder()
                .add("id", file.id())
                .add("object", "file")
                .add("bytes", file.bytes())
                .add("created_at", file.at().getEpochSecond())
                .add("filename", file.filename())
                .add("purpose", file.purpose())
                .add("status", "ok")
                .build();
    }

    static JsonObject list(List<ReceivedFile> files) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        files.forEach(f -> data.add(fileObject(f)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    static JsonObject deleted(String id) {
        return Json.createObjectBuilder().add("id", id).add("object", "file").add("deleted", true).build();
    }

    /** Everything but where the bytes are stored, which means nothing outside the emulator's host. */
    static JsonArray records(List<ReceivedFile> files) {
        JsonArrayBuilder records = Json.createArrayBuilder();
        files.forEach(f -> {
            var record = Json.createObjectBuilder()
                .add("id", f.id())
                .add("flavour", f.flavour())
                .add("filename", f.filename())
                .add("purpose", f.purpose())
                .add("bytes", f.bytes())
                .add("sha256Hex", f.sha256Hex())
                .add("at", f.at().toString())
                .add("framing", f.framing());
            if (f.traceparent() != null) {
                record.add("traceparent", f.traceparent());
            }
            records.add(record);
        });
        return records.build();
    }
}
