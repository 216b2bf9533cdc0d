package dev.uploadgateway.web.files;

import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadState;
import dev.uploadgateway.upload.entity.UploadView;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** An upload as OpenAI's {@code file} object; its id is the upload's id behind {@code file-}. */
final class FileObject {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String PREFIX = "file-";

    private FileObject() {
    }

    static JsonObject of(Upload upload) {
        UploadView u = upload.view();
        boolean failed = UploadState.FAILED.label().equals(u.state());
        String status = failed ? "error" : UploadState.DELIVERED.label().equals(u.state()) ? "processed" : "uploaded";
        return JSON.createObjectBuilder()
                .add("id", PREFIX + u.id())
                .add("object", "file")
                .add("bytes", u.bytes())
                .add("created_at", u.createdAt().getEpochSecond())
                .add("filename", u.filename())
                .add("purpose", u.purpose())
                .add("status", status)
                .add("status_details", failed ? JSON.createValue(u.failureReason()) : JsonValue.NULL)
                .build();
    }

    /** The upload id inside a file id; an id of another form matches no upload. */
    static String uploadId(String fileId) {
        return fileId.startsWith(PREFIX) ? fileId.substring(PREFIX.length()) : fileId;
    }
}
