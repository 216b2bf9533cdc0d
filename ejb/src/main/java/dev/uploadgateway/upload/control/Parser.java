package dev.uploadgateway.upload.control;

import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * commons-fileupload's parser bound to {@link MultipartBody}. Only the streaming iterator is used:
 * the library's other entry points would write parts to disk items of their own, the extra copy
 * the async path exists to avoid.
 */
class Parser extends AbstractFileUpload<MultipartBody, DiskFileItem, DiskFileItemFactory> {

    @Override
    public FileItemInputIterator getItemIterator(MultipartBody body) throws FileUploadException, java.io.IOException {
        return getItemIterator((RequestContext) body);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(MultipartBody body) {
        throw new UnsupportedOperationException("only the streaming iterator is used");
    }

    @Override
    public List<DiskFileItem> parseRequest(MultipartBody body) {
        throw new UnsupportedOperationException("only the streaming iterator is used");
    }
}
