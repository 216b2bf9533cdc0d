package dev.uploadgateway.web.files;

import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.resumable.entity.UploadPart;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** An upload sent in parts as OpenAI's {@code upload} object, and a part as its {@code upload.part}. */
final class UploadObject {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private UploadObject() {
    }

    /** @param file the file object once completed, else null */
    static JsonObject of(PartedUpload p, JsonObject file) {
        return JSON.createObjectBuilder()
                .add("id", PartedUpload.ID_PREFIX + p.getId())
                .add("object", "upload")
                .add("bytes", p.getBytes())
                .add("created_at", p.getCreatedAt().getEpochSecond())
                .add("expires_at", p.getExpiresAt().getEpochSecond())
                .add("filename", p.getFilename())
                .add("purpose", p.getPurpose())
                .add("status", p.stateAt(java.time.Instant.now()).label())
                .add("file", file == null ? JsonValue.NULL : file)
                .build();
    }

    static JsonObject part(UploadPart part) {
        return JSON.createObjectBuilder()
                .add("id", UploadPart.ID_PREFIX + part.getId())
                .add("object", "upload.part")
                .add("created_at", part.getCreatedAt().getEpochSecond())
                .add("upload_id", PartedUpload.ID_PREFIX + part.getPartedId())
                .build();
    }

    /** The id inside an API id ({@code upload_…}, {@code part_…}); one of another form is taken as it is. */
    static String bare(String id, String prefix) {
        return id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }
}
