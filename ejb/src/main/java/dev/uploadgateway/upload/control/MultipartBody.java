package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.IncomingUpload;
import java.io.InputStream;
import org.apache.commons.fileupload2.core.RequestContext;

/** commons-fileupload's view of an incoming request: its headers and its unread body. */
record MultipartBody(IncomingUpload incoming) implements RequestContext {

    @Override
    public String getCharacterEncoding() {
        return "UTF-8";
    }

    @Override
    public long getContentLength() {
        return incoming.contentLength();
    }

    @Override
    public String getContentType() {
        return incoming.contentType();
    }

    @Override
    public InputStream getInputStream() {
        return incoming.body();
    }

    @Override
    public boolean isMultipartRelated() {
        return false;
    }
}
