package dev.uploadgateway.upload.control;

import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInputIterator;

/**
 * commons-fileupload's header parsing — the boundary of a Content-Type, a part's header block, its
 * field name and filename (quoting, escapes, RFC 2231 parameters) — without its framing, which
 * {@link MultipartFraming} does. The request-parsing entry points are not used: they would frame
 * the body with the library's slower search and write parts to disk items of their own.
 */
class Parser extends AbstractFileUpload<Void, DiskFileItem, DiskFileItemFactory> {

    /** A header block as {@link MultipartFraming} returns it; the library expects it with its blank line. */
    FileItemHeaders headers(String block) {
        return getParsedHeaders(block.isEmpty() ? "\r\n" : block + "\r\n\r\n");
    }

    @Override
    public FileItemInputIterator getItemIterator(Void request) {
        throw new UnsupportedOperationException("MultipartFraming frames the body");
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(Void request) {
        throw new UnsupportedOperationException("MultipartFraming frames the body");
    }

    @Override
    public List<DiskFileItem> parseRequest(Void request) {
        throw new UnsupportedOperationException("MultipartFraming frames the body");
    }
}
