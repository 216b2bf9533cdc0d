package dev.uploadgateway.upload.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.problem.entity.TooLarge;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.upload.entity.IncomingUpload;
import dev.uploadgateway.upload.entity.RequestSize;
import dev.uploadgateway.upload.entity.SpoolFull;
import dev.uploadgateway.upload.entity.UploadForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.io.input.BoundedInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Reads a {@code multipart/form-data} body straight from the request stream ({@link MultipartFraming}
 * finds the parts, commons-fileupload parses each part's headers): the {@code file} part goes either
 * into heap (the legacy path) or through a SHA-256 digest onto the spool (the async path), with no
 * temporary copy in between; the size limit is enforced from Content-Length before reading and by
 * counting while reading.
 */
@ApplicationScoped
public class MultipartIntake {

    private static final Logger LOG = Logger.getLogger(MultipartIntake.class.getName());
    private static final int FIELD_LIMIT = 1024;

    @Inject
    @ConfigProperties
    UploadSettings settings;
    @Inject
    Spool spool;

    /**
     * Where the async path's file part goes when it begins: the forwarder that may start sending it
     * at once, given the form fields seen so far.
     */
    @FunctionalInterface
    public interface Forwarding {
        /** @return the started first attempt, or null when this upload is spooled first and sent after */
        Forward start(String provider, String purpose, String filename, String contentType, LiveSpool spool);
    }

    /** Takes the content of one part of a form. */
    @FunctionalInterface
    public interface PartReader<T> {
        T read(InputStream content) throws IOException;
    }

    /**
     * Reads a {@code multipart/form-data} body to its end and hands the content of its part named
     * {@code name} (a file or a field; the first, if there are several) to {@code reader}, under the
     * same framing and limits as an upload's body, at most {@code maxBytes} of it.
     */
    public <T> T part(String contentType, InputStream in, String name, long maxBytes, PartReader<T> reader) {
        Parser parser = new Parser();
        byte[] boundary = contentType == null ? null : parser.getBoundary(contentType);
        if (boundary == null || boundary.length == 0 || boundary.length > 70) {
            throw new Refused(ProblemType.MALFORMED_MULTIPART,
                    "The Content-Type has no usable boundary parameter (1 to 70 characters).");
        }
        T read = null;
        boolean found = false;
        try {
            MultipartFraming body = new MultipartFraming(in, boundary, RequestSize.largest(maxBytes));
            for (String block = body.nextPart(); block != null; block = body.nextPart()) {
                if (!found && name.equals(parser.getFieldName(parser.headers(block)))) {
                    found = true;
                    read = reader.read(body.content(maxBytes));
                }
            }
        } catch (MultipartFraming.TooLargeException e) {
            throw new TooLarge("The part '" + name + "' is larger than " + maxBytes + " bytes.");
        } catch (IOException e) {
            String reason = e instanceof MultipartFraming.MalformedException ? e.getMessage()
                    : "it could not be read to its end (" + e.getMessage() + ")";
            throw new Refused(ProblemType.MALFORMED_MULTIPART, "The body is not valid multipart/form-data: " + reason + ".");
        }
        if (!found) {
            throw new Refused(ProblemType.MISSING_FILE, "The form has no part named '" + name + "'.");
        }
        return read;
    }

    /**
     * Reads the body to its end; the file is held in heap under {@code heap} when that is given (the
     * sync path), else spooled and, when {@code forwarding} starts an attempt, sent while it arrives.
     */
    public ReceivedUpload receive(IncomingUpload incoming, SyncAdmission.Hold heap, Forwarding forwarding) {
        long max = settings.maxBytes;
        if (incoming.contentLength() > RequestSize.largest(max)) {
            throw tooLarge(max);
        }
        Parts parts = new Parts();
        try {
            Parser parser = new Parser();
            byte[] boundary = incoming.contentType() == null ? null : parser.getBoundary(incoming.contentType());
            if (boundary == null || boundary.length == 0 || boundary.length > 70) {
                throw new Refused(ProblemType.MALFORMED_MULTIPART,
                        "The Content-Type has no usable boundary parameter (1 to 70 characters).");
            }
            MultipartFraming body = new MultipartFraming(incoming.body(), boundary, RequestSize.largest(max));
            for (String block = body.nextPart(); block != null; block = body.nextPart()) {
                FileItemHeaders headers = parser.headers(block);
                String name = parser.getFieldName(headers);
                String filename = parser.getFileName(headers);
                if (name == null) {
                    continue;
                }
                if (filename == null) {
                    parts.field(name, readField(name, body.content(FIELD_LIMIT + 1)));
                } else if ("file".equals(name)) {
                    InputStream content = body.content(max);
                    String type = headers.getHeader("Content-Type");
                    try {
                        if (heap != null) {
                            parts.file(filename, type, inHeap(heap.metered(content)));
                        } else if (parts.hasFile()) {
                            parts.file(filename, type, spool.write(content, false)); // refused as a second file
                        } else {
                            parts.file(filename, type, live(incoming, body, content, parts, filename, type, forwarding));
                        }
                    } catch (SpoolFull full) {
                        throw full.of(filename);
                    }
                }
            }
            return parts.received();
        } catch (MultipartFraming.TooLargeException e) {
            parts.discard();
            throw tooLarge(max);
        } catch (IOException e) {
            parts.discard();
            String reason = e instanceof MultipartFraming.MalformedException ? e.getMessage()
                    : "it could not be read to its end (" + e.getMessage() + ")";
            throw new Refused(ProblemType.MALFORMED_MULTIPART,
                    "The body is not valid multipart/form-data: " + reason + ".");
        } catch (RuntimeException e) {
            parts.discard();
            throw e;
        }
    }

    /**
     * Reads a file given as a plain stream with its form (callers that are not HTTP multipart),
     * under the same size limit and rules as a multipart body.
     */
    public ReceivedUpload receive(UploadForm form, InputStream content, SyncAdmission.Hold heap) {
        long max = settings.maxBytes;
        Parts parts = new Parts();
        parts.field("provider", form.provider());
        parts.field("purpose", form.purpose());
        try {
            InputStream bounded = BoundedInputStream.builder().setInputStream(content).setMaxCount(max + 1).get();
            // in-server and remote callers get a stage they may not wait on: always durable
            Spool.Written written = heap == null ? spool.write(bounded, true) : inHeap(heap.metered(bounded));
            parts.file(form.filename(), form.contentType(), written);
            if (written.bytes() > max) {
                throw tooLarge(max);
            }
            return parts.received();
        } catch (IOException e) {
            parts.discard();
            throw new Refused(ProblemType.UNREADABLE_CONTENT,
                    "The content could not be read to its end: " + e.getMessage());
        } catch (RuntimeException e) {
            parts.discard();
            throw e;
        }
    }

    /**
     * Spools the file part while a forwarded attempt may follow it. Its length is predicted from the
     * Content-Length when the form's fields came first (the file is then the last part, closed as
     * every common client closes it); a body that turns out otherwise is still taken, just not by
     * that attempt. A file that comes before the purpose field is likely followed by it: its length
     * is not known until its end, and the attempt sends it chunked.
     */
    private Spool.Written live(IncomingUpload incoming, MultipartFraming body, InputStream content, Parts parts,
                               String filename, String type, Forwarding forwarding) throws IOException {
        long expected = incoming.contentLength() < 0 || parts.purpose() == null ? -1
                : incoming.contentLength() - body.consumed() - body.closingLength();
        LiveSpool live = spool.openLive(expected >= 0 ? expected : -1);
        try {
            if (forwarding != null) {
                parts.forward(forwarding.start(parts.provider(), parts.purpose(), filename, Parts.contentType(type), live));
            }
            live.copy(content);
            return live.finish(incoming.spoolMustBeDurable());
        } catch (IOException e) {
            spool.discard(live, e);
            throw e;
        } catch (RuntimeException e) {
            spool.discard(live, e);
            throw e;
        }
    }

    private static Spool.Written inHeap(InputStream in) throws IOException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (OutOfMemoryError e) {
            // The legacy path's defining flaw, kept as the baseline: the whole file must fit in heap.
            // The failed allocation is this request's alone and is released at once, so it is
            // answered like any other refusal instead of surfacing as an opaque 500.
            LOG.log(Level.WARNING, "The sync path could not hold an upload in heap: {0}", e.getMessage());
            throw new Refused(ProblemType.SYNC_PATH_OUT_OF_MEMORY,
                    "The sync path holds the whole file in memory and this file does not fit now. "
                            + "Retry later, send a smaller file, or use the async path.");
        }
        return new Spool.Written(new FileContent.InMemory(bytes), bytes.length, Spool.sha256(bytes));
    }

    private static String readField(String name, InputStream in) throws IOException {
        byte[] value = in.readNBytes(FIELD_LIMIT + 1);
        if (value.length > FIELD_LIMIT) {
            throw new Refused(ProblemType.FIELD_TOO_LONG,
                    "Form field '" + name + "' is longer than " + FIELD_LIMIT + " bytes.");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static TooLarge tooLarge(long max) {
        return new TooLarge("The upload is larger than this gateway accepts (upload.max-bytes = " + max + " bytes).");
    }
}
