package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tipsearch.BundledReports;

/**
 * The query budget over HTTP, on a server whose budget is one millisecond: what cannot finish in it answers a
 * partial page (200, {@code partial}, a notice) or, having nothing yet, a 503 with a message and Retry-After, and
 * never a 500; look-ups, which need no budget, answer as always.
 */
class QueryBudgetIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages("--query-budget-ms", "1");

    private static final String PARAGRAPH = BundledReports.WORKING_GROUP_2023 + "/para-19";

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return ApiIT.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(site.baseUrl() + pathAndQuery)));
    }

    /** A partial answer says so; a refusal is the one error shape with a message and when to try again. */
    private static void assertPartialOrRefused(HttpResponse<String> response, String what) throws Exception {
        JsonNode body = ApiIT.JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            assertTrue(body.get("partial").asBoolean(), what + ": " + response.body());
            assertTrue(body.get("notice").asText().contains("its time budget is 1 ms"), what + ": " + response.body());
        } else {
            assertEquals(503, response.statusCode(), what + ": " + response.body());
            assertEquals("service_unavailable", body.get("error").asText(), what);
            assertTrue(body.get("message").asText().contains("time budget of 1 ms"), what + ": " + response.body());
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(""), what);
        }
    }

    /** A 1,000-term OR cannot be read, let alone searched, in a millisecond. */
    @Test
    void whatCannotFinishInTheBudgetIsPartialOrRefused() throws Exception {
        String thousandTermOr = IntStream.range(0, 1_000).mapToObj(i -> String.valueOf(Character.forDigit(i % 36, 36)))
                .collect(Collectors.joining(" ")); // words are OR-ed: 1,000 of them in 1,999 characters
        for (String request : List.of(
                "/api/search?mode=bm25&q=" + FuzzIT.encode(thousandTermOr),
                "/api/search?mode=bm25&q=" + FuzzIT.encode(thousandTermOr) + "&session=" + FuzzIT.encode("13th session (2023)"),
                "/api/facets?q=" + FuzzIT.encode(thousandTermOr) + "&topic=corruption",
                "/api/recommendations?q=" + FuzzIT.encode(thousandTermOr) + "&status=adopted",
                "/api/search.csv?mode=bm25&q=" + FuzzIT.encode(thousandTermOr),
                "/api/paragraphs/" + PARAGRAPH + "/similar?size=5")) {
            assertPartialOrRefused(get(request), request);
        }
    }

    /** What may finish in a millisecond answers whole; what does not, by the same rules; nothing is an error. */
    @Test
    void quickSearchesAnswerWholeOrByTheSameRules() throws Exception {
        for (String request : List.of("/api/search?mode=bm25&q=trafficking", "/api/facets?q=corruption",
                "/api/recommendations?status=adopted", "/api/search.json?mode=bm25&q=organ")) {
            HttpResponse<String> response = get(request);
            if (response.statusCode() == 503 || response.body().contains("\"partial\":true")) {
                assertPartialOrRefused(response, request);
            } else {
                assertEquals(200, response.statusCode(), request + ": " + response.body());
            }
        }
    }

    /** A query's embedding alone takes more than a millisecond, so a search by meaning has nothing by then. */
    @Test
    void aSearchThatHasNothingWhenTheBudgetIsSpentIsRefused() throws Exception {
        HttpResponse<String> hybrid = get("/api/search?q=" + FuzzIT.encode("children recruited by armed groups " + System.nanoTime()));
        assertEquals(503, hybrid.statusCode(), hybrid.body());
        assertPartialOrRefused(hybrid, "hybrid");
        HttpResponse<String> draft = send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/api/similar"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"States should not punish victims\"}")));
        assertEquals(503, draft.statusCode(), draft.body());
        assertPartialOrRefused(draft, "POST /api/similar");
    }

    @Test
    void lookUpsNeedNoBudget() throws Exception {
        for (String request : List.of("/api/health", "/api/paragraphs/" + PARAGRAPH, "/api/documents",
                "/api/documents/" + BundledReports.ARTICLE_2023, "/api/suggest?prefix=org", "/api/topics")) {
            HttpResponse<String> response = get(request);
            assertEquals(200, response.statusCode(), request + ": " + response.body());
            assertFalse(response.body().contains("\"partial\":true"), request);
        }
    }
}
