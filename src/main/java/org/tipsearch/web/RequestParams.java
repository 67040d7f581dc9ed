package org.tipsearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SimilarRequest;

/** Reads and checks query-string parameters; anything wrong becomes a 400 naming the parameter. */
final class RequestParams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private RequestParams() {}

    /**
     * A search of the scope from the query string: q, page, size, mode and the scope's facets as filters. An
     * export takes the same query string and writes the whole result set, whatever page and size say.
     */
    static SearchRequest searchRequest(Context ctx, Scope scope) {
        Set<String> parameters = new TreeSet<>(Set.of("q", "page", "size"));
        if (scope == Scope.UNITS) {
            parameters.add("mode");
        }
        rejectUnknown(ctx, union(parameters, scope.facets()));
        var filters = new LinkedHashMap<String, List<String>>();
        for (String dim : scope.facets()) {
            List<String> values = ctx.queryParams(dim);
            if (!values.isEmpty()) {
                filters.put(dim, values);
            }
        }
        try {
            String mode = single(ctx, "mode");
            return new SearchRequest(scope, mode == null || mode.isBlank() ? scope.defaultMode() : SearchMode.fromId(mode),
                    single(ctx, "q"), intParam(ctx, "page", 1),
                    intParam(ctx, "size", SearchRequest.DEFAULT_SIZE), filters);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The server decodes "%ZZ" to nothing; a client that sent it meant something else, so say so. */
    private static void rejectMalformed(Context ctx) {
        String raw = ctx.queryString();
        if (raw != null && MALFORMED_ESCAPE.matcher(raw).find()) {
            throw ApiException.badRequest("the query string has a malformed %-escape; encode '%' as %25");
        }
    }

    static void rejectUnknown(Context ctx, Set<String> allowed) {
        rejectMalformed(ctx);
        var unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; this endpoint takes " + new TreeSet<>(allowed));
        }
    }

    static final int MAX_PREFIX = 100;
    static final int MAX_SUGGESTIONS = 20;

    /** The text typed so far: required, at most {@link #MAX_PREFIX} characters. */
    static String suggestPrefix(Context ctx) {
        String prefix = single(ctx, "prefix");
        if (prefix == null || prefix.isBlank()) {
            throw ApiException.badRequest("prefix is required: the text typed so far");
        }
        if (prefix.length() > MAX_PREFIX) {
            throw ApiException.badRequest("prefix is " + prefix.length() + " characters long; at most " + MAX_PREFIX);
        }
        return prefix.strip();
    }

    /** How many suggestions: 1 to {@link #MAX_SUGGESTIONS}, 8 by default. */
    static int suggestSize(Context ctx) {
        int size = intParam(ctx, "size", 8);
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SUGGESTIONS + ", not " + size);
        }
        return size;
    }

    /** The size parameter (default 10). */
    private static int size(Context ctx) {
        return intParam(ctx, "size", SearchRequest.DEFAULT_SIZE);
    }

    /** The units similar to a paragraph: size, kind and status filters, and what to exclude. */
    static SimilarRequest similarToParagraph(Context ctx, String paragraphId) {
        rejectUnknown(ctx, Set.of("size", "kind", "status", "exclude"));
        String exclude = single(ctx, "exclude");
        try {
            return new SimilarRequest(paragraphId, null, size(ctx),
                    Map.of("kind", ctx.queryParams("kind"), "status", ctx.queryParams("status")),
                    exclude == null || exclude.isBlank() ? null : SimilarRequest.Exclude.fromId(exclude.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The global id of the paragraph a path names: {report}/{unit}. */
    static String paragraphId(Context ctx) {
        return ctx.pathParam("report") + "/" + ctx.pathParam("unit");
    }

    private static SimilarRequest similarRequest(String paragraphId, String text, int size,
            Map<String, List<String>> filters, SimilarRequest.Exclude exclude) {
        try {
            return new SimilarRequest(paragraphId, text, size, filters, exclude);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * The largest body of POST /api/similar: a draft of {@link SimilarRequest#MAX_TEXT} characters, each escaped
     * as JSON at its longest, with its filters, fits; what is larger is not a draft.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** A JSON body {text, size?, kind?, status?}; kind and status a string or a list of strings. */
    static SimilarRequest similarBody(Context ctx) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(limitedBody(ctx));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object {text, size?, kind?, status?}");
        }
        var unknown = new TreeSet<String>();
        body.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(Set.of("text", "size", "kind", "status"));
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; the body takes text, size, kind, status");
        }
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            throw ApiException.badRequest("text must be a string");
        }
        JsonNode size = body.get("size");
        if (size != null && !(size.isIntegralNumber() && size.canConvertToInt())) {
            throw ApiException.badRequest("size must be a whole number");
        }
        return similarRequest(null, text.asText(), size == null ? SearchRequest.DEFAULT_SIZE : size.asInt(),
                Map.of("kind", strings(body, "kind"), "status", strings(body, "status")), null);
    }

    /** The body, read no further than the limit (also when it comes without a length, chunked). */
    private static byte[] limitedBody(Context ctx) throws IOException {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw bodyTooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw bodyTooLarge();
            }
            return body;
        }
    }

    private static ApiException bodyTooLarge() {
        return new ApiException(413, "payload_too_large", "the body is larger than " + MAX_BODY_BYTES / 1024
                + " KB; a draft may be at most " + SimilarRequest.MAX_TEXT + " characters");
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isArray() && node.size() <= SearchRequest.MAX_VALUES_PER_FILTER) {
            var out = new ArrayList<String>();
            for (JsonNode value : node) {
                if (!value.isTextual()) {
                    throw ApiException.badRequest(field + " must be a string or a list of strings");
                }
                out.add(value.asText());
            }
            return out;
        }
        throw ApiException.badRequest(field + " must be a string or a list of at most "
                + SearchRequest.MAX_VALUES_PER_FILTER + " strings");
    }

    private static int intParam(Context ctx, String name, int defaultValue) {
        String value = single(ctx, name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + abbreviate(value) + "'");
        }
    }

    private static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.badRequest(name + " may be given once, not " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static Set<String> union(Set<String> a, List<String> b) {
        var out = new TreeSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

}
