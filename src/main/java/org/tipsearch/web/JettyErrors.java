package org.tipsearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.web.JsonViews.ErrorView;

/**
 * The errors Jetty answers before a request reaches the application — a URI too long (414), headers too large
 * (431), a request it cannot parse (400) — in the API's one error shape rather than Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpField JSON_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(JSON_TYPE);
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON_TYPE);
        return body(status, reason);
    }

    private static ByteBuffer body(int status, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        String error = switch (status) {
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status < 500 ? "bad_request" : "server_error";
        };
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(new ErrorView(error, describe(status, text))));
        } catch (JsonProcessingException e) {
            return ByteBuffer.wrap(("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Jetty's reasons are terse ("URI Too Long"); say what to do about them. */
    private static String describe(int status, String reason) {
        return switch (status) {
            case 414 -> String.format(Locale.ROOT, "the request's URI is longer than 8 KB; queries may be at most %,d characters",
                    SearchRequest.MAX_QUERY_LENGTH);
            case 431 -> "the request's headers are larger than 8 KB";
            default -> reason;
        };
    }
}
