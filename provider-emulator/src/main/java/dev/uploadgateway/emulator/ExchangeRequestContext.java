package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.InputStream;
import org.apache.commons.fileupload2.core.AbstractRequestContext;

/** Presents a JDK server exchange to commons-fileupload2, which ships adapters only for servlets. */
final class ExchangeRequestContext extends AbstractRequestContext<HttpExchange> {

    ExchangeRequestContext(HttpExchange exchange) {
        // Headers.getFirst is case-insensitive; a missing or chunked length parses to the -1 default.
        super(exchange.getRequestHeaders()::getFirst, () -> -1L, exchange);
    }

    /** Part headers carry their own charset; the request-level one is never needed here. */
    @Override
    public String getCharacterEncoding() {
        return null;
    }

    @Override
    public String getContentType() {
        return getRequest().getRequestHeaders().getFirst("Content-Type");
    }

    @Override
    public InputStream getInputStream() {
        return getRequest().getRequestBody();
    }
}
