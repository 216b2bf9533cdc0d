package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;

/**
 * commons-fileupload2 over the JDK HTTP server. Only the streaming iterator is offered: the
 * buffered {@code parseRequest} family would materialise items, which the emulator must never do
 * with files of hundreds of megabytes.
 */
final class ExchangeFileUpload extends AbstractFileUpload<HttpExchange, DiskFileItem, DiskFileItemFactory> {

    ExchangeFileUpload() {
        // GLM clients send Chinese filenames; without this the library falls back to ISO-8859-1.
        setHeaderCharset(StandardCharsets.UTF_8);
    }

    @Override
    public FileItemInputIterator getItemIterator(HttpExchange exchange) throws IOException {
        return getItemIterator(new ExchangeRequestContext(exchange));
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(HttpExchange exchange) {
        throw new UnsupportedOperationException("the emulator parses uploads streaming only");
    }

    @Override
    public List<DiskFileItem> parseRequest(HttpExchange exchange) {
        throw new UnsupportedOperationException("the emulator parses uploads streaming only");
    }
}
