package dev.uploadgateway.web.files;

import dev.uploadgateway.json.JsonP;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadState;
import jakarta.json.JsonObject;

/** An upload as OpenAI's {@code file} object; its id is the upload's id behind {@code file-}. */
final class FileObject {

    static final String PREFIX = "file-";

    private FileObject() {
    }

    static JsonObject of(Upload u) {
        String status = switch (u.getState()) {
            case DELIVERED -> "processed";
            case FAILED -> "error";
            default -> "uploaded";
        };
        return JsonP.PROVIDER.createObjectBuilder()
                .add("id", PREFIX + u.getId())
                .add("object", "file")
                .add("bytes", u.getBytes())
                .add("created_at", u.getCreatedAt().getEpochSecond())
                .add("filename", u.getFilename())
                .add("purpose", u.getPurpose())
                .add("status", status)
                .add("status_details", u.getState() == UploadState.FAILED ? JsonP.PROVIDER.createValue(u.getFailureReason())
                        : jakarta.json.JsonValue.NULL)
                .build();
    }

    /** The upload id inside a file id; an id of another form matches no upload. */
    static String uploadId(String fileId) {
        return fileId.startsWith(PREFIX) ? fileId.substring(PREFIX.length()) : fileId;
    }
}
