package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipsearch.BundledReports;

/**
 * Every bound of the API at its limit, which is answered, and just over it, which is refused with a 400 (or a 413
 * for a body) whose message names the parameter and the limit.
 */
class BoundsIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();

    private static final String SIMILAR = "/api/paragraphs/" + BundledReports.WORKING_GROUP_2023 + "/para-19/similar?";

    /** The parameter given {@code count} times, with values 0, 1, 2…. */
    private static String repeated(String parameter, int count) {
        return IntStream.range(0, count).mapToObj(i -> parameter + "=" + i).collect(Collectors.joining("&"));
    }

    /** {@code count} words of the form, numbered and joined as a query string joins them: "w0~1+w1~1+…". */
    private static String words(String form, int count) {
        return IntStream.range(0, count).mapToObj(i -> form.formatted(i)).collect(Collectors.joining("+"));
    }

    static Stream<Arguments> bounds() {
        return Stream.of(
                Arguments.of("q length", "/api/search?mode=bm25&q=" + "a".repeat(2000),
                        "/api/search?mode=bm25&q=" + "a".repeat(2001), "q is 2001 characters long; at most 2000"),
                Arguments.of("size", "/api/search?size=100", "/api/search?size=101", "size must be between 1 and 100"),
                Arguments.of("page × size", "/api/search?page=100&size=100", "/api/search?page=101&size=100",
                        "goes past the first 10000 hits"),
                Arguments.of("values of a filter", "/api/search?" + repeated("topic", 50),
                        "/api/search?" + repeated("topic", 51), "at most 50 values of topic"),
                Arguments.of("length of a filter value", "/api/search?organization=" + "o".repeat(200),
                        "/api/search?organization=" + "o".repeat(201),
                        "a value of organization is 201 characters long; at most 200"),
                Arguments.of("values of a register filter", "/api/recommendations?" + repeated("strength", 50),
                        "/api/recommendations?" + repeated("strength", 51), "at most 50 values of strength"),
                Arguments.of("wildcard and fuzzy words", "/api/search?mode=bm25&q=" + words("w%d~1", 20),
                        "/api/search?mode=bm25&q=" + words("w%d~1", 21), "more than 20 wildcard, fuzzy or range terms"),
                Arguments.of("length of a wildcard word", "/api/search?mode=bm25&q=" + "a*".repeat(25),
                        "/api/search?mode=bm25&q=" + "a*".repeat(25) + "b", "at most 50 are allowed"),
                Arguments.of("export filter values", "/api/search.csv?" + repeated("year", 50),
                        "/api/search.csv?" + repeated("year", 51), "at most 50 values of year"),
                Arguments.of("suggest prefix", "/api/suggest?prefix=" + "p".repeat(100),
                        "/api/suggest?prefix=" + "p".repeat(101), "prefix is 101 characters long; at most 100"),
                Arguments.of("suggest size", "/api/suggest?prefix=a&size=20", "/api/suggest?prefix=a&size=21",
                        "size must be between 1 and 20"),
                Arguments.of("similar size", SIMILAR + "size=100", SIMILAR + "size=101", "size must be between 1 and 100"),
                Arguments.of("similar filter values", SIMILAR + repeated("status", 50), SIMILAR + repeated("status", 51),
                        "at most 50 values of status"),
                Arguments.of("length of a similar filter value", SIMILAR + "kind=" + "k".repeat(200),
                        SIMILAR + "kind=" + "k".repeat(201), "a value of kind is 201 characters long; at most 200"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void atTheLimitIsAnsweredAndJustOverIsRefused(String bound, String atLimit, String overLimit, String message)
            throws Exception {
        HttpResponse<String> answered = get(atLimit);
        assertEquals(200, answered.statusCode(), answered.body());
        HttpResponse<String> refused = get(overLimit);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(ApiIT.JSON.readTree(refused.body()).get("message").asText().contains(message), refused.body());
    }

    /** A draft: its text, and the body around it. */
    @Test
    void aDraftAndItsBodyAreBounded() throws Exception {
        assertEquals(200, similarTo(draft("t".repeat(5000), "")).statusCode());
        HttpResponse<String> tooLong = similarTo(draft("t".repeat(5001), ""));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("text is 5001 characters long; at most 5000"), tooLong.body());

        String padded = draft("a draft", "");
        padded = draft("a draft", " ".repeat(RequestParams.MAX_BODY_BYTES - padded.length()));
        assertEquals(200, similarTo(padded).statusCode());
        HttpResponse<String> tooLarge = similarTo(padded + " ");
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("the body is larger than 64 KB"), tooLarge.body());

        List<String> statuses = IntStream.range(0, 51).mapToObj(i -> "s" + i).toList();
        HttpResponse<String> tooMany = similarTo(ApiIT.JSON.writeValueAsString(
                Map.of("text", "a draft", "status", statuses)));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("a list of at most 50 strings"), tooMany.body());
    }

    /**
     * A body refused on its declared length, before the server reads it, while the client still sends: a server
     * that closed on the unread bytes reset the connection, and a client now and then lost its answer.
     */
    @Test
    void aLargeBodyRefusedUnreadGetsItsAnswer() throws Exception {
        String huge = draft("a draft", " ".repeat(8 * 1024 * 1024));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = similarTo(huge);
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("the body is larger than 64 KB"), refused.body());
        }
    }

    private static String draft(String text, String padding) throws Exception {
        return "{\"text\": " + ApiIT.JSON.writeValueAsString(text) + padding + "}";
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return ApiIT.HTTP.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> similarTo(String body) throws Exception {
        return ApiIT.HTTP.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/api/similar"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
