package org.tipsearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * Writes a view as the JSON body of an answer, serialized straight to UTF-8 bytes. Javalin's {@code ctx.json}
 * serializes to a String and encodes that again, which is most of the work of answering a page from the page
 * cache (docs/library-first.md has the measurement).
 */
final class JsonAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswer() {}

    static void write(Context ctx, Object view) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(bytes(view));
    }

    /** The view as JSON in UTF-8, as {@code ctx.json} would write it (JsonAnswerTest compares the two). */
    static byte[] bytes(Object view) {
        try {
            return JSON.writeValueAsBytes(view);
        } catch (JsonProcessingException e) { // the views are plain records: a bug, not a bad request
            throw new UncheckedIOException("a view could not be written as JSON", e);
        }
    }
}
