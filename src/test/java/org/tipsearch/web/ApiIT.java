package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;

/** Every endpoint and every error case, over real HTTP against the built jar serving the bundled reports. */
class ApiIT {

    @TempDir
    static Path indexDir;
    static JarProcess.Server server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = new JarProcess.Server("--index", indexDir.toString(), "--reports", BundledReports.DIR.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Response(int status, String contentType, String body, JsonNode json) {}

    static Response call(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = response.headers().firstValue("Content-Type").orElse("");
        return new Response(response.statusCode(), type, response.body(), JSON.readTree(response.body()));
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        Response response = call("GET", pathAndQuery);
        assertEquals(200, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return response.json();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The texts of an array's elements, or of one field of each. */
    static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(node -> out.add(field == null ? node.asText() : node.get(field).asText()));
        return out;
    }

    @Test
    void theServerBuiltTheIndexOnFirstStart() {
        assertTrue(server.startupOutput().stream().anyMatch(line -> line.startsWith("No current index at")),
                String.join("\n", server.startupOutput()));
        assertTrue(server.startupOutput().stream().anyMatch(line -> line.startsWith("Indexed 5 reports, 208 units")));
    }

    @Test
    void otherSitesMayCallTheApi() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health"))
                .header("Origin", "https://example.org").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/similar"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.statusCode() < 300, preflight.statusCode() + " " + preflight.body());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
                preflight.headers().map().toString());
    }

    @Test
    void corsCanBeLimitedToSomeOriginsOrClosed() throws Exception {
        try (var limited = new JarProcess.Server("--index", indexDir.toString(), "--cors-origins", "https://a.example,https://b.example");
                var closed = new JarProcess.Server("--index", indexDir.toString(), "--cors-origins", "none")) {
            assertEquals("https://b.example", allowedOrigin(limited, "https://b.example"));
            // Javalin's CORS plugin answers an unlisted origin with 400 and no CORS header
            assertEquals("", allowedOrigin(limited, "https://evil.example"));
            assertEquals("", allowedOrigin(closed, "https://a.example"));
        }
    }

    private static String allowedOrigin(JarProcess.Server target, String origin) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/health"))
                .header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400, response.statusCode() + " " + response.body());
        return response.headers().firstValue("Access-Control-Allow-Origin").orElse("");
    }

    @Test
    void health() throws Exception {
        JsonNode health = get("/api/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(208, health.get("paragraphs").asInt());
        assertEquals(5, health.get("documents").asInt());
    }

    /** A page asked again is the same page, answered from the server's cache of recent pages. */
    @Test
    void aPageAskedAgainIsTheSamePage() throws Exception {
        String path = "/api/search?mode=hybrid&q=" + encode("children recruited by armed groups") + "&topic=child-trafficking";
        var first = (ObjectNode) get(path);
        var again = (ObjectNode) get(path);
        assertTrue(again.get("tookMs").asLong() <= first.get("tookMs").asLong());
        first.remove("tookMs");
        again.remove("tookMs");
        assertEquals(first, again);
    }

    @Test
    void searchAnswersTheContract() throws Exception {
        JsonNode result = get("/api/search?mode=bm25&q=" + encode("non-punishment") + "&size=3");
        assertEquals("non-punishment", result.get("query").asText());
        assertEquals(8, result.get("total").asInt());
        assertEquals(1, result.get("page").asInt());
        assertEquals(3, result.get("size").asInt());
        assertTrue(result.get("tookMs").isNumber());
        assertFalse(result.has("notice"));
        assertEquals(3, result.get("hits").size());
        JsonNode hit = result.get("hits").get(0);
        for (String field : List.of("id", "score", "kind", "number", "section", "text", "highlight", "topics",
                "speakerTypes", "citation", "document")) {
            assertTrue(hit.has(field), field);
        }
        assertTrue(hit.get("highlight").asText().contains("<mark>non-punishment</mark>"), hit.toString());
        JsonNode document = hit.get("document");
        for (String field : List.of("id", "title", "kind", "session", "year", "date", "symbol", "source")) {
            assertTrue(document.has(field), field);
        }
        assertEquals(List.of("session", "topic", "speakerType", "kind", "status", "year", "reportKind", "country",
                "organization"), ImmutableFields.of(result.get("facets")));
        int sessions = 0;
        for (JsonNode count : result.get("facets").get("session")) {
            sessions += count.get("count").asInt();
        }
        assertEquals(8, sessions);
    }

    @Test
    void hybridIsTheDefaultAndFindsWhatTheWordsMiss() throws Exception {
        String query = "should not be criminalized for acts they were compelled to commit";
        JsonNode keyword = get("/api/search?mode=bm25&size=100&q=" + encode(query));
        JsonNode hybrid = get("/api/search?size=100&q=" + encode(query));
        JsonNode semantic = get("/api/search?mode=semantic&size=100&q=" + encode(query));
        JsonNode explicit = get("/api/search?mode=hybrid&size=100&q=" + encode(query));
        // the same ranking (the first may show fewer best passages: they are embedded hit by hit within the budget)
        assertEquals(texts(hybrid.get("hits"), "id"), texts(explicit.get("hits"), "id"), "hybrid is the default mode");
        assertTrue(hybrid.get("total").asInt() >= keyword.get("total").asInt());
        assertTrue(hybrid.get("total").asInt() >= semantic.get("total").asInt());
        int sessions = 0;
        for (JsonNode count : hybrid.get("facets").get("session")) {
            sessions += count.get("count").asInt();
        }
        assertEquals(hybrid.get("total").asInt(), sessions, "facet counts cover the fused result set");
        // The paragraphs about non-punishment rank high although they word it otherwise.
        List<String> top = texts(hybrid.get("hits"), "id").subList(0, 10);
        assertTrue(top.contains(BundledReports.DIALOGUE_2022 + "/para-25") || top.contains(BundledReports.DIALOGUE_2024 + "/para-42"),
                top.toString());
        JsonNode filtered = get("/api/search?size=100&kind=recommendation&q=" + encode(query));
        filtered.get("hits").forEach(h -> assertEquals("recommendation", h.get("kind").asText()));
        // a field:value in the query narrows the semantic side too
        JsonNode typed = get("/api/search?size=100&q=" + encode("kind:recommendation " + query));
        assertTrue(typed.get("total").asInt() > 0);
        typed.get("hits").forEach(h -> assertEquals("recommendation", h.get("kind").asText()));
        // field filters alone, or no searchable word, have no meaning to search by
        assertEquals(get("/api/search?mode=bm25&q=" + encode("country:Türkiye")).get("total"),
                get("/api/search?q=" + encode("country:Türkiye")).get("total"));
        assertEquals(0, get("/api/search?q=AND").get("total").asInt());
    }

    @Test
    void similarParagraphsComeFromOtherReports() throws Exception {
        String id = BundledReports.DIALOGUE_2024 + "/para-42"; // not criminalizing those compelled to sell organs
        JsonNode similar = get("/api/paragraphs/" + id + "/similar?size=5");
        assertEquals(id, similar.get("paragraph").asText());
        assertEquals(5, similar.get("hits").size());
        similar.get("hits").forEach(h -> assertFalse(h.get("id").asText().startsWith(BundledReports.DIALOGUE_2024 + "/"), h.toString()));
        assertTrue(texts(similar.get("hits"), "text").stream().anyMatch(t -> t.contains("non-punishment")), similar.toString());

        JsonNode recommendations = get("/api/paragraphs/" + id + "/similar?size=5&kind=recommendation&status=proposed");
        assertFalse(recommendations.get("hits").isEmpty(), recommendations.toString());
        recommendations.get("hits").forEach(h -> {
            assertEquals("recommendation", h.get("kind").asText());
            assertEquals("proposed", h.get("status").asText());
        });
    }

    @Test
    void precedentsForPastedDraftLanguage() throws Exception {
        String draft = "States parties should strengthen cooperation between anti-trafficking and anti-corruption units.";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/similar"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "text", draft, "size", 3, "kind", List.of("recommendation"))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode hits = JSON.readTree(response.body()).get("hits");
        assertEquals(3, hits.size());
        assertEquals(BundledReports.WORKING_GROUP_2023 + "/rec-1", hits.get(0).get("id").asText(), hits.toString());
        assertTrue(hits.get(0).get("citation").asText().endsWith("recommendation 1"));
    }

    @ParameterizedTest(name = "POST /api/similar {0} -> 400")
    @CsvSource(delimiter = '|', value = {
        "{} | text must be a string",
        "[1] | the body must be a JSON object",
        "nope | the body is not JSON",
        "{\"text\": \"x\", \"size\": 0} | size must be between 1 and 100",
        "{\"text\": \"x\", \"size\": 2.5} | size must be a whole number",
        "{\"text\": \"x\", \"colour\": 1} | unknown field colour",
        "{\"text\": \"x\", \"kind\": 3} | kind must be a string or a list of at most 50 strings",
        "{\"text\": \"x\", \"kind\": [3]} | kind must be a string or a list of strings",
        "{\"text\": \"   \"} | text is empty",
    })
    void badPrecedentRequests(String body, String message) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/similar"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).get("message").asText().contains(message), response.body());
    }

    @Test
    void tooLongADraftIsRefused() throws Exception {
        String body = JSON.writeValueAsString(Map.of("text", "a".repeat(5001)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/similar"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("at most 5000"), response.body());
    }

    @Test
    void suggestionsCompleteWhatIsTyped() throws Exception {
        JsonNode nonPunishment = get("/api/suggest?prefix=" + encode("non-pun") + "&size=3");
        assertEquals("non-pun", nonPunishment.get("prefix").asText());
        assertEquals("Non-punishment of victims", nonPunishment.get("suggestions").get(0).get("text").asText());
        assertEquals("topic", nonPunishment.get("suggestions").get(0).get("kind").asText());
        assertEquals(3, nonPunishment.get("suggestions").size());

        JsonNode turkiye = get("/api/suggest?prefix=Tur");
        assertEquals("Türkiye", turkiye.get("suggestions").get(0).get("text").asText());
        assertEquals("country", turkiye.get("suggestions").get(0).get("kind").asText());
        assertTrue(texts(get("/api/suggest?prefix=equality").get("suggestions"), "text").contains("Equality Now"));
        assertTrue(texts(get("/api/suggest?prefix=" + encode("referral m")).get("suggestions"), "text")
                .contains("referral mechanisms"));
        assertEquals(0, get("/api/suggest?prefix=zzzzqq").get("suggestions").size());
    }

    @Test
    void filtersAreRepeatableAndFacetsDrillSideways() throws Exception {
        String both = "/api/search?q=child&session=" + encode("12th session (2022)") + "&session=" + encode("14th session (2024)");
        JsonNode twoSessions = get(both);
        JsonNode all = get("/api/search?q=child");
        int expected = 0;
        for (JsonNode count : all.get("facets").get("session")) {
            if (!count.get("value").asText().startsWith("13th")) {
                expected += count.get("count").asInt();
            }
        }
        assertEquals(expected, twoSessions.get("total").asInt());
        assertEquals(all.get("facets").get("session"), twoSessions.get("facets").get("session"));

        JsonNode recommendations = get("/api/search?kind=recommendation&reportKind=working-group-report&size=100");
        assertEquals(19, recommendations.get("total").asInt());
        recommendations.get("hits").forEach(h -> assertEquals("recommendation", h.get("kind").asText()));
    }

    @Test
    void emptyQueryListsInReportOrderAndPages() throws Exception {
        JsonNode page2 = get("/api/search?page=2&size=5");
        assertEquals(208, page2.get("total").asInt());
        assertEquals(List.of("para-6", "para-7", "para-8", "para-9", "para-10"),
                texts(page2.get("hits"), "id").stream().map(id -> id.substring(id.indexOf('/') + 1)).toList());
        assertTrue(page2.get("hits").get(0).get("score").isNull());
    }

    @Test
    void aQueryThatDoesNotParseCarriesANotice() throws Exception {
        JsonNode result = get("/api/search?q=" + encode("\"child soldiers"));
        assertTrue(result.get("notice").asText().contains("plain words"), result.toString());
        assertEquals(get("/api/search?q=" + encode("child soldiers")).get("total"), result.get("total"));
        assertEquals(BundledReports.DIALOGUE_2024 + "/para-35", result.get("hits").get(0).get("id").asText());
    }

    @Test
    void facetsEndpoint() throws Exception {
        JsonNode facets = get("/api/facets?q=organ&kind=paragraph");
        JsonNode search = get("/api/search?q=organ&kind=paragraph");
        assertEquals(search.get("total"), facets.get("total"));
        assertEquals(search.get("facets"), facets.get("facets"));
        assertFalse(facets.has("hits"));
    }

    @Test
    void paragraphWithDocumentFootnotesAndNeighbours() throws Exception {
        JsonNode p = get("/api/paragraphs/" + BundledReports.DIALOGUE_2023 + "/para-1");
        assertEquals(BundledReports.DIALOGUE_2023 + "/para-1", p.get("id").asText());
        assertEquals("Hereinafter: UNTOC review mechanism.", p.get("footnotes").get(0).get("text").asText());
        assertTrue(p.get("previous").isNull());
        assertEquals(BundledReports.DIALOGUE_2023 + "/para-2", p.get("next").asText());
        assertEquals("13th session (2023)", p.get("document").get("session").asText());

        JsonNode rec = get("/api/paragraphs/" + BundledReports.WORKING_GROUP_2023 + "/annex-rec-5");
        assertEquals("proposed", rec.get("status").asText());
        assertEquals("Report on the meeting of the Working Group on Trafficking in Persons, 2–3 October 2023, annex, recommendation 5",
                rec.get("citation").asText());
    }

    @Test
    void documents() throws Exception {
        JsonNode documents = get("/api/documents").get("documents");
        assertEquals(5, documents.size());
        assertEquals(List.of("000_66491c30b35528aa.txt", "001_03d93a82c4d8f6a1.txt", "002_a5f66eb7f565f6a5.txt",
                "003_30d95c863737c1cb.txt", "004_1550b144c8031def.txt"), texts(documents, "source"));
        assertEquals(List.of("41", "31", "74", "47", "15"), texts(documents, "paragraphs"));
        assertEquals("working-group-report", documents.get(2).get("kind").asText());

        JsonNode report = get("/api/documents/" + BundledReports.WORKING_GROUP_2023);
        assertEquals(BundledReports.WORKING_GROUP_2023, report.get("document").get("id").asText());
        assertEquals(74, report.get("paragraphs").size());
        assertEquals(BundledReports.WORKING_GROUP_2023 + "/para-1", report.get("paragraphs").get(0).get("id").asText());
        // where the report's text went: nearly all of it into units, the rest headings and cover, nothing lost
        JsonNode account = report.get("account");
        int total = account.get("total").asInt();
        assertTrue(account.get("units").asInt() > 0.9 * total, account.toString());
        assertTrue(Math.abs(account.get("unaccounted").asInt()) < 0.01 * total, account.toString());
        assertEquals(total, account.get("units").asInt() + account.get("footnotes").asInt() + account.get("headings").asInt()
                + account.get("cover").asInt() + account.get("unaccounted").asInt(), account.toString());
        assertFalse(account.get("flagged").asBoolean());
    }

    /**
     * A query the reports say nothing about matches nothing, in every mode: its nearest units by meaning are not
     * related to it, only nearest. A query they do speak of still finds its paragraphs by meaning.
     */
    @Test
    void nonsenseMatchesNothingInAnyModeAndATopicStillMatchesByMeaning() throws Exception {
        for (String mode : List.of("bm25", "semantic", "hybrid")) {
            for (String query : List.of("zzzxqvw", "recipe for chocolate cake")) {
                JsonNode result = get("/api/search?mode=" + mode + "&q=" + encode(query));
                assertEquals(0, result.get("total").asInt(), mode + " " + query + ": " + result.get("total"));
                assertEquals(0, result.get("hits").size());
            }
        }
        assertTrue(get("/api/search?mode=semantic&q=" + encode("non-punishment")).get("total").asInt() > 0);
        assertTrue(get("/api/search?mode=hybrid&q=" + encode("non-punishment")).get("total").asInt() >= 8);
    }

    /**
     * Over HTTP, a hit's highlight never misquotes its unit: every passage shown is the unit's own text, a passage
     * that does not reach the unit's start or end says so with "…", and none is a fragment ending in a title or a
     * reference ("… Mr.").
     */
    @Test
    void highlightsQuoteTheirUnitAndSayWhereTheyAreCut() throws Exception {
        int cut = 0;
        for (String query : List.of("non-punishment", "panellist", "Mr.", "organ removal", "how do survivors take part",
                "financial investigations", "child soldiers")) {
            for (String mode : List.of("hybrid", "bm25", "semantic")) {
                for (JsonNode hit : get("/api/search?size=50&mode=" + mode + "&q=" + encode(query)).get("hits")) {
                    String what = mode + " " + query + " " + hit.get("id").asText();
                    String shown = org.jsoup.parser.Parser.unescapeEntities(
                            hit.get("highlight").asText().replaceAll("</?mark>", ""), false).replaceAll("\\s+", " ").strip();
                    String whole = hit.get("text").asText().replaceAll("\\s+", " ").strip();
                    List<String> parts = java.util.Arrays.stream(shown.split("…")).map(String::strip)
                            .filter(p -> !p.isEmpty()).toList();
                    assertFalse(parts.isEmpty(), what);
                    for (String part : parts) {
                        assertTrue(whole.contains(part), what + ": not the unit's text: " + part);
                        assertFalse(part.matches("(?s).*\\b(Mr|Ms|Mrs|Dr|No|para|art)\\."), what + ": " + shown);
                    }
                    assertEquals(!whole.startsWith(parts.getFirst()), shown.startsWith("…"), what + ": " + shown);
                    assertEquals(!whole.endsWith(parts.getLast()), shown.endsWith("…"), what + ": " + shown);
                    cut += shown.equals(whole) ? 0 : 1;
                }
            }
        }
        assertTrue(cut > 50, "highlights cut: " + cut);
    }

    /**
     * A search by words and meaning tells the units that contain the query's words from those related in meaning
     * only: each hit says which, the page how many hold the words, and the whole result set agrees with both.
     */
    @Test
    void wordsAndMeaningAreToldApart() throws Exception {
        String q = "&q=" + encode("non-punishment");
        JsonNode page = get("/api/search?size=20" + q);
        long words = page.get("wordMatches").asLong();
        long total = page.get("total").asLong();
        assertTrue(words > 0 && words < total, words + " of " + total);
        assertEquals(words, get("/api/search?mode=bm25" + q).get("total").asLong(), "the units holding the words");
        JsonNode all = get("/api/search.json?" + q.substring(1));
        var byMatch = new java.util.TreeMap<String, Integer>();
        all.get("hits").forEach(h -> byMatch.merge(h.get("match").asText(), 1, Integer::sum));
        assertEquals(java.util.Map.of("words", (int) words, "meaning", (int) (total - words)), byMatch);
        all.get("hits").forEach(h -> assertTrue(!h.get("match").asText().equals("words")
                || h.get("text").asText().toLowerCase(java.util.Locale.ROOT).contains("punish"), h.get("id").asText()));
        // a search by words alone matches by words, one by meaning by meaning; neither counts apart
        JsonNode byWords = get("/api/search?mode=bm25" + q);
        assertFalse(byWords.has("wordMatches"));
        // each facet value tells its units with the words apart too: as many as a search by words alone counts
        for (String dim : List.of("session", "topic", "speakerType")) {
            var wordCounts = new java.util.HashMap<String, Integer>();
            byWords.get("facets").get(dim).forEach(v -> {
                assertFalse(v.has("wordMatches"), dim);
                wordCounts.put(v.get("value").asText(), v.get("count").asInt());
            });
            int split = 0;
            for (JsonNode v : page.get("facets").get(dim)) {
                int held = v.get("wordMatches").asInt();
                assertEquals(wordCounts.getOrDefault(v.get("value").asText(), 0), held, dim + " " + v);
                assertTrue(held <= v.get("count").asInt(), dim + " " + v);
                split += held < v.get("count").asInt() ? 1 : 0;
            }
            assertTrue(split > 0, "some " + dim + " value has units related in meaning only");
        }
        JsonNode facets = get("/api/facets?" + q.substring(1));
        assertEquals(words, facets.get("wordMatches").asLong());
        assertEquals(page.get("facets"), facets.get("facets"));
        byWords.get("hits").forEach(h -> assertEquals("words", h.get("match").asText()));
        assertFalse(get("/api/search?mode=semantic" + q).has("wordMatches"));
        // a list in report order is no match of anything
        get("/api/search?topic=organ-removal").get("hits").forEach(h -> assertFalse(h.has("match")));
        String header = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search.csv?" + q.substring(1)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body().lines().findFirst().orElseThrow();
        assertTrue(header.contains(",score,match,text"), header);
    }

    private static JsonNode post(String path, JsonNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /**
     * The precedent finder says how close each answer's meaning is, and a draft the reports say nothing about is
     * told apart: its first answer is distant (the bands are calibrated on the tuning half of the judged drafts).
     */
    @Test
    void precedentsSayHowCloseTheyAre() throws Exception {
        JsonNode drafts = JSON.readTree(java.nio.file.Path.of("src/test/resources/eval/drafts-check.json").toFile());
        for (JsonNode draft : drafts.get("queries")) {
            JsonNode hits = post("/api/similar", JSON.createObjectNode().put("text", draft.get("query").asText())
                    .put("size", 3)).get("hits");
            assertTrue(List.of("very-close", "close", "related").contains(hits.get(0).get("closeness").asText()),
                    draft.get("id").asText() + ": " + hits.get(0).get("closeness") + " " + hits.get(0).get("similarity"));
            hits.forEach(h -> assertTrue(h.get("similarity").asDouble() > 0 && h.get("similarity").asDouble() <= 1));
            // the matching wording marked by meaning: one sentence of the precedent, whole, not the words it shares
            // with the draft (mostly the family's stock phrases)
            for (JsonNode h : hits) {
                String highlight = h.get("highlight").asText();
                var marks = java.util.regex.Pattern.compile("(?s)<mark>(.*?)</mark>").matcher(highlight).results().toList();
                assertEquals(1, marks.size(), highlight);
                String sentence = org.jsoup.parser.Parser.unescapeEntities(marks.get(0).group(1), false);
                assertTrue(h.get("text").asText().contains(sentence), sentence);
                assertTrue(sentence.split("\\s+").length >= 4, highlight);
                assertEquals(h.get("text").asText().strip().startsWith(sentence), !highlight.startsWith("…"), highlight);
            }
        }
        for (String offSubject : List.of("Recipe for a chocolate cake with cream and strawberries, baked for forty minutes.",
                "The football team won the championship after a penalty shoot-out in the final minute.")) {
            JsonNode first = post("/api/similar", JSON.createObjectNode().put("text", offSubject).put("size", 3))
                    .get("hits").get(0);
            assertEquals("distant", first.get("closeness").asText(), offSubject + ": " + first.get("similarity"));
        }
    }

    @Test
    void recommendationsOfThe2023ReportWithTheirStatus() throws Exception {
        JsonNode result = get("/api/recommendations?size=100&session=" + encode("13th session (2023)"));
        var statuses = new java.util.TreeMap<String, Integer>();
        result.get("hits").forEach(h -> {
            if (h.get("id").asText().startsWith(BundledReports.WORKING_GROUP_2023 + "/")) {
                statuses.merge(h.get("status").asText(), 1, Integer::sum);
            }
        });
        assertEquals(Map.of("adopted", 9, "proposed", 10), statuses);
        int sum = 0;
        for (JsonNode count : result.get("facets").get("status")) {
            sum += count.get("count").asInt();
        }
        assertEquals(result.get("total").asInt(), sum);
        assertEquals(List.of("status", "strength", "topic", "session"), ImmutableFields.of(result.get("facets")));
        JsonNode first = result.get("hits").get(0);
        for (String field : List.of("id", "paragraphId", "number", "status", "addressee", "strength", "text", "highlight",
                "subItems", "topics", "session", "citation", "document")) {
            assertTrue(first.has(field), field);
        }

        JsonNode encouraged = get("/api/recommendations?strength=encouraged&q=corruption");
        encouraged.get("hits").forEach(h -> assertEquals("encouraged", h.get("strength").asText()));
        assertTrue(encouraged.get("total").asInt() > 0);
    }

    @Test
    void topicNarrowsBySession() throws Exception {
        JsonNode organ = get("/api/search?topic=organ-removal&size=100");
        JsonNode organ2024 = get("/api/search?topic=organ-removal&size=100&session=" + encode("14th session (2024)"));
        assertTrue(organ2024.get("total").asInt() > 0);
        assertTrue(organ2024.get("total").asInt() < organ.get("total").asInt());
        organ2024.get("hits").forEach(h -> {
            assertEquals("14th session (2024)", h.get("document").get("session").asText());
            assertTrue(texts(h.get("topics"), null).contains("organ-removal"));
        });
        int sessions = 0;
        for (JsonNode count : organ.get("facets").get("session")) {
            sessions += count.get("count").asInt();
        }
        assertEquals(organ.get("total").asInt(), sessions);
    }

    @Test
    void topics() throws Exception {
        JsonNode topics = get("/api/topics").get("topics");
        List<String> ids = texts(topics, "id");
        assertTrue(ids.containsAll(List.of("non-punishment", "child-trafficking", "organ-removal", "corruption",
                "technology", "gender", "victim-centred", "survivor-engagement", "civil-society", "review-mechanism",
                "international-cooperation", "data-research", "prevention-awareness", "migration", "disability",
                "labour-exploitation", "sexual-exploitation", "access-to-justice", "capacity-building",
                "financial-investigation", "identification-referral", "root-causes", "assistance-protection")), ids.toString());
        topics.forEach(t -> assertFalse(t.get("label").asText().isBlank() || t.get("description").asText().isBlank()));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "GET | /api/search?size=0 | 400 | size must be between 1 and 100, not 0",
        "GET | /api/search?q=x&mode=fuzzy | 400 | unknown mode 'fuzzy'",
        "GET | /api/recommendations?mode=hybrid | 400 | unknown parameter mode",
        "GET | /api/search?size=100000 | 400 | size must be between 1 and 100, not 100000",
        "GET | /api/search?page=-1 | 400 | page must be 1 or more, not -1",
        "GET | /api/search?page=0 | 400 | page must be 1 or more, not 0",
        "GET | /api/search?size=abc | 400 | size must be a whole number, not 'abc'",
        "GET | /api/search?page=1.5 | 400 | page must be a whole number, not '1.5'",
        "GET | /api/search?page=99999999999 | 400 | page must be a whole number",
        "GET | /api/search?page=500&size=100 | 400 | goes past the first 10000 hits",
        "GET | /api/search?sesion=12 | 400 | unknown parameter sesion",
        "GET | /api/search?q=a&q=b | 400 | q may be given once",
        "GET | /api/facets?size=0 | 400 | size must be between 1 and 100",
        "GET | /api/facets?nation=X | 400 | unknown parameter nation",
        "GET | /api/recommendations?kind=paragraph | 400 | unknown parameter kind",
        "GET | /api/recommendations?size=101 | 400 | size must be between 1 and 100",
        "GET | /api/topics?x=1 | 400 | unknown parameter x",
        "GET | /api/documents?x=1 | 400 | unknown parameter x",
        "GET | /api/paragraphs/nope/para-1 | 404 | no paragraph with id 'nope/para-1'",
        "GET | /api/paragraphs/nope/para-1/similar | 404 | no paragraph with id 'nope/para-1'",
        "GET | /api/paragraphs/002_a5f66eb7f565f6a5/para-1/similar?size=500 | 400 | size must be between 1 and 100",
        "GET | /api/paragraphs/002_a5f66eb7f565f6a5/para-1/similar?colour=red | 400 | unknown parameter colour",
        "GET | /api/paragraphs/002_a5f66eb7f565f6a5/para-1/similar?size=x | 400 | size must be a whole number",
        "GET | /api/similar | 405 | GET is not allowed on /api/similar",
        "GET | /api/suggest | 400 | prefix is required",
        "GET | /api/suggest?prefix=a&size=21 | 400 | size must be between 1 and 20",
        "GET | /api/suggest?prefix=a&limit=3 | 400 | unknown parameter limit",
        "GET | /api/paragraphs/002_a5f66eb7f565f6a5 | 404 | paragraph ids look like REPORT/UNIT",
        "GET | /api/documents/nope | 404 | no document with id 'nope'",
        "GET | /api/nothing | 404 | GET /api/nothing",
        "GET | /nothing/at/all | 404 | /nothing/at/all",
        "POST | /api/search | 405 | POST is not allowed on /api/search",
        "GET | /api/search.csv?mode=exact | 400 | unknown mode 'exact'",
        "GET | /api/recommendations.csv?kind=x | 400 | unknown parameter kind",
        "GET | /api/paragraphs/002_a5f66eb7f565f6a5/para-1/similar?exclude=year | 400 | exclude must be report or session, not 'year'",
        "GET | /api/labels?x=1 | 400 | unknown parameter x",
        "GET | /api/paragraphs/002_a5f66eb7f565f6a5/para-1/similar?kind=a&kind=b&kind=c&kind=d&kind=e&kind=f&kind=g&kind=h&kind=i&kind=j&kind=k&kind=l&kind=m&kind=n&kind=o&kind=p&kind=q&kind=r&kind=s&kind=t&kind=u&kind=v&kind=w&kind=x&kind=y&kind=z&kind=aa&kind=ab&kind=ac&kind=ad&kind=ae&kind=af&kind=ag&kind=ah&kind=ai&kind=aj&kind=ak&kind=al&kind=am&kind=an&kind=ao&kind=ap&kind=aq&kind=ar&kind=as&kind=at&kind=au&kind=av&kind=aw&kind=ax&kind=ay | 400 | at most 50 values of kind",
        "GET | /p/002_a5f66eb7f565f6a5/para-999 | 404 | no paragraph with id '002_a5f66eb7f565f6a5/para-999'",
        "DELETE | /api/documents/002_a5f66eb7f565f6a5 | 405 | DELETE is not allowed",
    })
    void badRequestsGetAClearJsonError(String method, String path, int status, String message) throws Exception {
        Response response = call(method, path);
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(List.of("error", "message"), ImmutableFields.of(response.json()));
        assertTrue(response.json().get("message").asText().contains(message), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    @Test
    void everyHitSaysWhatItIsInWords() throws Exception {
        JsonNode hits = get("/api/search?mode=bm25&size=100&q=" + encode("report:" + BundledReports.WORKING_GROUP_2023)).get("hits");
        List<String> labels = texts(hits, "label");
        assertTrue(labels.contains("para. 19"), labels.toString());
        assertTrue(labels.contains("Recommendation 7 (adopted)"), labels.toString());
        assertTrue(labels.contains("Annex, recommendation 5 (proposed)"), labels.toString());
        JsonNode register = get("/api/recommendations?size=100&status=stakeholder").get("hits");
        texts(register, "label").forEach(label -> assertTrue(label.matches("para\\. \\d+, point \\d+"), label));
    }

    @Test
    void labelsNameEveryFacetValueGivenAsAnId() throws Exception {
        JsonNode labels = get("/api/labels");
        assertEquals("Speaker", labels.get("dimensions").get("speakerType").asText());
        assertEquals("Non-punishment of victims", labels.get("values").get("topic").get("non-punishment").asText());
        JsonNode facets = get("/api/facets").get("facets");
        for (String dim : List.of("topic", "speakerType", "kind", "status", "reportKind")) {
            facets.get(dim).forEach(count -> assertTrue(labels.get("values").get(dim).has(count.get("value").asText()),
                    dim + " " + count));
        }
        for (JsonNode strength : get("/api/recommendations").get("facets").get("strength")) {
            assertTrue(labels.get("values").get("strength").has(strength.get("value").asText()), strength.toString());
        }
    }

    @Test
    void exportsHoldTheWholeResultSetInPageOrder() throws Exception {
        String query = "q=" + encode("victims") + "&kind=paragraph";
        JsonNode pages = get("/api/search?" + query + "&size=100");
        JsonNode export = get("/api/search.json?" + query);
        assertEquals(pages.get("total"), get("/api/search?" + query + "&size=10&page=3").get("total"),
                "the result set is the same whatever the page and its size");
        assertEquals(pages.get("total"), export.get("total"));
        assertEquals(pages.get("total").asInt(), export.get("exported").asInt());
        assertEquals(texts(pages.get("hits"), "id"), texts(export.get("hits"), "id"));
        assertEquals("hybrid", export.get("mode").asText());
        assertEquals("paragraph", export.get("filters").get("kind").get(0).asText());

        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search.csv?" + query)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"tipsearch-victims.csv\"; filename*=UTF-8''tipsearch-victims.csv",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(texts(export.get("hits"), "id"), texts(get("/api/search.json?" + query + "&page=3&size=5").get("hits"), "id"),
                "an export ignores the page and size of the search it exports");
        assertEquals(pages.get("total").asText(), csv.headers().firstValue("X-Total-Hits").orElse(""));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFid,citation,label,kind,number,status,session,year,dates,report,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("\"" + pages.get("hits").get(0).get("id").asText() + "\","), lines.get(1));
        // a spreadsheet is for people: facet values by their names (the JSON keeps ids), and a link to each paragraph
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".csv");
        java.nio.file.Files.writeString(file, csv.body(), StandardCharsets.UTF_8);
        Map<String, String> first = SearchPageIT.csvRows(file).get(0);
        java.nio.file.Files.delete(file);
        JsonNode hit = export.get("hits").get(0);
        JsonNode names = get("/api/labels").get("values");
        assertEquals(String.join("; ", texts(hit.get("topics"), null).stream().map(t -> names.get("topic").get(t).asText()).toList()),
                first.get("topics"));
        assertEquals(names.get("kind").get(hit.get("kind").asText()).asText(), first.get("kind"));
        assertEquals(server.baseUrl() + "/p/" + hit.get("id").asText(), first.get("link"));

        JsonNode register = get("/api/recommendations.json?status=adopted");
        assertEquals(9, register.get("exported").asInt());
        register.get("hits").forEach(h -> assertEquals("adopted", h.get("status").asText()));
    }

    @Test
    void similarParagraphsCanComeFromOtherSessionsOnly() throws Exception {
        String id = BundledReports.WORKING_GROUP_2023 + "/para-19"; // 13th session, as the 2023 dialogue
        JsonNode otherReports = get("/api/paragraphs/" + id + "/similar?size=20");
        JsonNode otherSessions = get("/api/paragraphs/" + id + "/similar?size=20&exclude=session");
        assertTrue(texts(otherReports.get("hits"), "id").stream().anyMatch(h -> h.startsWith(BundledReports.DIALOGUE_2023 + "/")),
                "by default, other reports of the same session count");
        otherSessions.get("hits").forEach(h -> assertFalse("13th session (2023)".equals(h.get("document").get("session").asText()),
                h.get("id").asText()));
        assertEquals(20, otherSessions.get("hits").size());
    }

    @Test
    void aBrowserGetsErrorsAsAPageAndTheApiAsJson() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/nothing/here"))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<h1>Error 404</h1>"), page.body());
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/paragraphs/x/y"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "the API answers JSON");
    }

    @Test
    void pagesLoadNothingFromOtherSites() throws Exception {
        for (String path : List.of("/", "/recommendations", "/p/" + BundledReports.WORKING_GROUP_2023 + "/para-19")) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'self';") && policy.endsWith("frame-ancestors 'self'"), policy);
            assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), path + " links another site");
        }
    }

    @Test
    void malformedEscapesAreRefused() throws Exception {
        // No HTTP client library sends "%ZZ"; a raw request does, as a hand-made link might.
        URI base = URI.create(server.baseUrl());
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /api/search?q=%ZZ HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.contains("\"message\":\"the query string has a malformed %-escape"), response);
        }
    }

    /**
     * A query whose wildcard and fuzzy words expand to more terms than a search may look for, or are too many or
     * too long to expand within a search's time, is the client's to narrow.
     */
    @Test
    void aQueryThatExpandsTooFarIsTheClientsToNarrow() throws Exception {
        String fuzzyLetters = IntStream.range(0, 20).mapToObj(i -> (char) ('a' + i) + "~2").collect(Collectors.joining(" "));
        String manyWords = IntStream.range(0, 300).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        var refusals = Map.of(
                fuzzyLetters + " " + manyWords, "expands to too many terms",
                "a~2 ".repeat(200), "more than 20 wildcard, fuzzy or range terms",
                "a*".repeat(999) + "b", "at most 50 are allowed");
        for (String mode : List.of("bm25", "hybrid")) {
            for (var refusal : refusals.entrySet()) {
                Response response = call("GET", "/api/search?mode=" + mode + "&q=" + encode(refusal.getKey()));
                assertEquals(400, response.status(), response.body());
                assertTrue(response.json().get("message").asText().contains(refusal.getValue()), response.body());
            }
        }
    }

    /** An id or a filter value nothing holds, whatever its characters, finds nothing rather than failing. */
    @Test
    void aValueNothingHoldsFindsNothingWhateverItsCharacters() throws Exception {
        String odd = "a\u241fb\u0001{!c}";
        assertEquals(404, call("GET", "/api/paragraphs/" + encode(odd) + "/" + encode(odd)).status());
        assertEquals(404, call("GET", "/api/paragraphs/" + encode(odd) + "/" + encode(odd) + "/similar").status());
        assertEquals(404, call("GET", "/api/documents/" + encode(odd)).status());
        for (String dim : List.of("country", "organization", "session")) {
            Response page = call("GET", "/api/search?q=victims&" + dim + "=" + encode(odd));
            assertTrue(page.status() == 200 || page.status() == 400, page.body());
            if (page.status() == 200) {
                assertEquals(0, page.json().get("total").asLong(), page.body());
            }
        }
    }

    @Test
    void anOverlongUriIsRefusedInTheErrorShapeNotJettysPage() throws Exception {
        Response response = call("GET", "/api/search?q=" + "x".repeat(10_000));
        assertEquals(414, response.status());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(List.of("error", "message"), ImmutableFields.of(response.json()));
        assertTrue(response.json().get("message").asText().contains("at most 2,000 characters"), response.body());
    }

    @Test
    void tooLongAQueryIsRefused() throws Exception {
        Response response = call("GET", "/api/search?q=" + "a".repeat(2001));
        assertEquals(400, response.status());
        assertTrue(response.json().get("message").asText().contains("at most 2000"), response.body());
    }

    /** The field names of a JSON object, in order. */
    static final class ImmutableFields {
        static List<String> of(JsonNode node) {
            var names = new ArrayList<String>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }
}
