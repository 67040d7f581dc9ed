package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 random and adversarial requests (query syntax, unbalanced quotes and brackets, Unicode, long strings,
 * leading wildcards, regexes, 1,000-term ORs, fuzzy and wildcard floods, deep nesting, bad parameters) through
 * the HTTP API of the built jar, served with its default query budget: not one 5xx but a 503 for a search out of
 * time, every refusal says what was wrong, and the answers come within the budget and a margin. The same seed
 * gives the same requests.
 */
class FuzzIT {

    private static final long SEED = 20261124L;
    private static final int REQUESTS = 10_000;
    private static final int CLIENTS = 4;
    /** The server's default query budget ({@code tipsearch serve --query-budget-ms}). */
    private static final long BUDGET_MS = 1_000;
    /**
     * What an answer may take beyond the budget: the step under way when the budget runs out (an embedding, a
     * highlighting) finishes, the answer is written, and four clients share two cores.
     */
    private static final long MARGIN_MS = 500;

    private static final List<String> WORDS = List.of("trafficking", "victims", "non-punishment", "organ", "removal",
            "child", "soldiers", "States", "Türkiye", "corruption", "civil", "society", "session:13", "topic:organ-removal",
            "kind:recommendation", "status:proposed", "speaker:Axam", "country:Mexico", "year:2023", "report:nope");
    private static final List<String> SYNTAX = List.of("\"", "(", ")", "[", "]", "{", "}", ":", "^", "~", "*", "?",
            "\\", "/", "!", "+", "-", "&&", "||", "AND", "OR", "NOT", "TO", "%", "&", "=", "#", "'", ";", ",");
    private static final List<String> ADVERSARIAL = List.of("*a*", "/.*/", "/[a-z]+.*/", "a~2", "x*", "?", "*",
            "[a TO z]", "{* TO *}", "a^999999999", "\"a b\"~999999999", "text:", ":", "field:value", "\u0000",
            "\u202e\u0645\u0631\u062d\u0628\u0627", "\uD83D\uDE00\uD83D\uDE00", "e\u0301\u0301\u0301", "\u200b\u200b",
            "人口贩运", "торговля людьми", "\t\n\r", "%ZZ", "%00", "<script>alert(1)</script>", "' OR 1=1 --");
    /**
     * Mostly words: a query embedded for meaning costs a hundred times more and is parsed the same way, so a few
     * percent of them reach the semantic path without making the run long.
     */
    private static final List<String> MODES = modes();

    private static List<String> modes() {
        var modes = new ArrayList<>(Collections.nCopies(47, "bm25"));
        modes.addAll(List.of("hybrid", "hybrid", "semantic"));
        return List.copyOf(modes);
    }

    @RegisterExtension
    static final ServedPages site = new ServedPages();

    /** A query string of random pieces, or one of the shapes that have broken search engines before. */
    static String query(Random random) {
        return switch (random.nextInt(13)) {
            case 0 -> "(".repeat(random.nextInt(900)) + "a" + ")".repeat(random.nextInt(900));
            case 1 -> String.join(" OR ", Collections.nCopies(1 + random.nextInt(1000), "w" + random.nextInt(1000)));
            case 6 -> oneCharacterWords(random, 1 + random.nextInt(1000)); // an OR of up to 1,000 terms within 2,000 characters
            case 2 -> String.join(" ", Collections.nCopies(1 + random.nextInt(300), "a" + random.nextInt(10) + "~2"));
            case 3 -> String.join(" ", Collections.nCopies(1 + random.nextInt(300), pick(random, List.of("a*", "t*", "?r*", "*s"))));
            case 4 -> "x".repeat(random.nextInt(12_000));
            case 5 -> randomCodePoints(random, 1 + random.nextInt(200));
            default -> {
                var out = new StringBuilder();
                for (int i = random.nextInt(12); i >= 0; i--) {
                    List<String> kind = switch (random.nextInt(3)) {
                        case 0 -> WORDS;
                        case 1 -> SYNTAX;
                        default -> ADVERSARIAL;
                    };
                    out.append(pick(random, kind)).append(random.nextBoolean() ? " " : "");
                }
                yield out.toString();
            }
        };
    }

    static String oneCharacterWords(Random random, int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            char word = (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : '0' + random.nextInt(10));
            out.append(i == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }

    static String randomCodePoints(Random random, int length) {
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A request of the API's read side: mostly searches, with their parameters sometimes out of bounds. */
    static String request(Random random) {
        String q = encode(query(random));
        String paging = switch (random.nextInt(8)) {
            case 0 -> "&size=" + pick(random, List.of("0", "101", "-1", "abc", "1e9", "99999999999", "", "5"));
            case 1 -> "&page=" + pick(random, List.of("0", "-3", "2.5", "1001", "x", "2"));
            case 2 -> "&session=" + encode(pick(random, List.of("13th session (2023)", "", "\u0000", "x".repeat(500))));
            case 3 -> "&topic=" + encode(pick(random, ADVERSARIAL)) + "&topic=non-punishment";
            default -> "";
        };
        return switch (random.nextInt(20)) {
            case 0 -> "/api/facets?q=" + q + paging;
            case 1 -> "/api/recommendations?q=" + q + paging;
            case 2 -> "/api/suggest?prefix=" + q;
            case 3 -> "/api/search.json?mode=bm25&q=" + q;
            default -> "/api/search?mode=" + pick(random, MODES) + "&q=" + q + paging;
        };
    }

    /** Encoded as clients do; a raw malformed escape cannot be sent by them (ApiIT sends one over a socket). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void noRequestGetsA5xxButA503AndEveryRefusalSaysWhyWithinTheBudget() throws Exception {
        var random = new Random(SEED);
        var requests = new ArrayList<String>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request(random));
        }
        var failures = new ConcurrentLinkedQueue<String>();
        var refused = new AtomicInteger();
        var outOfTime = new AtomicInteger();
        var partial = new AtomicInteger();
        long[] millis = new long[REQUESTS];
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                done.add(clients.submit(() -> {
                    String path = requests.get(n);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = ApiIT.HTTP.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        millis[n] = (System.nanoTime() - start) / 1_000_000;
                        if (response.statusCode() == 503) {
                            outOfTime.incrementAndGet();
                            if (response.headers().firstValue("Retry-After").isEmpty()) {
                                failures.add("503 without Retry-After: " + abbreviate(path));
                            }
                        }
                        if (response.statusCode() >= 500 && response.statusCode() != 503) {
                            failures.add(response.statusCode() + " " + abbreviate(path) + " -> " + abbreviate(response.body()));
                        } else if (response.statusCode() >= 400) {
                            refused.incrementAndGet();
                            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                                failures.add(response.statusCode() + " not in JSON: " + abbreviate(path) + " -> "
                                        + abbreviate(response.body()));
                                return null;
                            }
                            JsonNode error = ApiIT.JSON.readTree(response.body());
                            if (!error.path("message").isTextual() || error.get("message").asText().isBlank()) {
                                failures.add(response.statusCode() + " without a message: " + abbreviate(path));
                            }
                        } else if (response.body().contains("\"partial\":true")) {
                            partial.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e + " for " + abbreviate(path));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
        Arrays.sort(millis);
        long p99 = millis[REQUESTS * 99 / 100];
        System.out.printf("fuzz: %d requests, %d refused with a message (%d of them 503, out of time), %d partial; "
                + "latency p50 %d ms, p99 %d ms, max %d ms%n", REQUESTS, refused.get(), outOfTime.get(), partial.get(),
                millis[REQUESTS / 2], p99, millis[REQUESTS - 1]);
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " requests failed");
        assertTrue(refused.get() > REQUESTS / 20, "the fuzz reaches the refusals too: " + refused.get());
        assertTrue(p99 <= BUDGET_MS + MARGIN_MS, "p99 " + p99 + " ms is over the budget of " + BUDGET_MS
                + " ms and its margin of " + MARGIN_MS + " ms");
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
