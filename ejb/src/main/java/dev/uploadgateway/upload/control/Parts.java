package dev.uploadgateway.upload.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;

/** Collects the parts of one multipart body as they stream past, and judges the whole at its end. */
class Parts {

    private String provider;
    private String purpose;
    private String filename;
    private String contentType;
    private Spool.Written file;
    private Forward forward;

    void field(String name, String value) {
        if ("provider".equals(name)) {
            provider = value;
        } else if ("purpose".equals(name)) {
            purpose = value;
        }
    }

    void file(String name, String type, Spool.Written written) {
        if (file != null) {
            Spool.release(written.content());
            throw new Refused(ProblemType.MULTIPLE_FILES,
                    "The body has more than one 'file' part; send one file per request.");
        }
        file = written;
        filename = name;
        contentType = contentType(type);
    }

    /** The provider field as far as the body has come, or null. */
    String provider() {
        return provider;
    }

    /** The purpose field as far as the body has come, or null. */
    String purpose() {
        return purpose;
    }

    boolean hasFile() {
        return file != null;
    }

    /** The file part's first attempt, started while it is read. */
    void forward(Forward started) {
        forward = started;
    }

    /** The form's content type for a file part's header value: application/octet-stream when none is given. */
    static String contentType(String type) {
        return type == null || type.isBlank() ? "application/octet-stream" : type;
    }

    ReceivedUpload received() {
        if (file == null) {
            throw new Refused(ProblemType.MISSING_FILE,
                    "The multipart body has no part named 'file' with a filename.");
        }
        String problem = Filenames.problem(filename);
        if (problem != null) {
            throw new Refused(ProblemType.INVALID_FILENAME, problem + ".");
        }
        if (file.bytes() == 0) {
            throw new Refused(ProblemType.EMPTY_FILE, "The file part is empty; there is nothing to upload.");
        }
        return new ReceivedUpload(filename, contentType, file.bytes(), file.sha256(), file.content(), provider, purpose,
                forward);
    }

    /** Drops what was spooled and stops a forwarded attempt; called whenever the body is refused. */
    void discard() {
        if (forward != null) {
            forward.abort("the body was refused");
        }
        if (file != null) {
            Spool.release(file.content());
        }
    }
}
