package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 64 clients at once, each on its own connection, send mixed requests for a minute to the built jar with its
 * default query budget — searches of every mode with filters and pages, facets, suggestions, paragraphs,
 * similar paragraphs and drafts, documents, exports — after ten seconds of the same to warm it up: not one
 * answer other than a 2xx, and the heap after a full collection no larger at the end than after the warm-up.
 */
class SoakIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();

    private static final int CONNECTIONS = 64;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration RUN = Duration.ofSeconds(60);
    /** What the live heap may grow by without counting as growth: a tenth, and 16 MB for what a collection leaves. */
    private static final double HEAP_SLACK = 0.10;
    private static final long HEAP_SLACK_BYTES = 16L * 1024 * 1024;
    private static final long SEED = 20261125L;

    private static final List<String> QUERIES = List.of("non-punishment", "child soldiers", "organ removal",
            "trafficking for the purpose of organ removal", "corruption", "victims compelled to commit offences",
            "civil society participation", "gender-sensitive approach", "labour exploitation in supply chains",
            "online recruitment of victims", "identification and referral", "international cooperation",
            "financial investigations", "survivor engagement", "persons with disabilities", "TIP",
            "\"trafficking in persons\"", "kind:recommendation child", "status:proposed", "technology",
            "migrants and refugees", "data collection", "capacity-building", "root causes of trafficking",
            "access to justice and compensation", "Türkiye", "transplant*", "coruption~1", "review mechanism",
            "awareness-raising campaigns");
    private static final List<String> FILTERS = List.of("", "", "", "&kind=recommendation", "&kind=paragraph",
            "&topic=non-punishment", "&topic=child-trafficking&topic=organ-removal", "&year=2023", "&year=2022&year=2024",
            "&reportKind=working-group-report", "&speakerType=civil-society", "&session=" + FuzzIT.encode("13th session (2023)"),
            "&status=adopted&status=proposed", "&country=Mexico", "&organization="
                    + FuzzIT.encode("International Organization for Migration"));
    private static final List<String> PREFIXES = List.of("non", "org", "tra", "Tur", "child", "vic", "Inter", "cor",
            "referral m", "lab");
    private static final List<String> DRAFTS = List.of(
            "States should ensure that victims of trafficking are not punished for offences they were compelled to commit.",
            "States parties should strengthen cooperation between anti-trafficking and anti-corruption units.",
            "Governments should involve survivors in the design of anti-trafficking policies.");

    /** A request and what it is, for the counts. */
    private record Call(String kind, HttpRequest request) {}

    private static Call call(Random random, List<String> paragraphs, List<String> documents) {
        String q = FuzzIT.encode(FuzzIT.pick(random, QUERIES));
        String filter = FuzzIT.pick(random, FILTERS);
        String paging = "&page=" + (1 + random.nextInt(3)) + "&size=" + FuzzIT.pick(random, List.of(5, 10, 20));
        String paragraph = FuzzIT.pick(random, paragraphs);
        int dice = random.nextInt(100);
        if (dice < 30) {
            return get("hybrid", "/api/search?q=" + q + filter + paging);
        } else if (dice < 45) {
            return get("bm25", "/api/search?mode=bm25&q=" + (random.nextInt(5) == 0 ? "" : q) + filter + paging);
        } else if (dice < 53) {
            return get("semantic", "/api/search?mode=semantic&q=" + q + filter + paging);
        } else if (dice < 60) {
            return get("facets", "/api/facets?q=" + q + filter);
        } else if (dice < 68) {
            return get("suggest", "/api/suggest?prefix=" + FuzzIT.encode(FuzzIT.pick(random, PREFIXES)));
        } else if (dice < 77) {
            return get("paragraph", "/api/paragraphs/" + paragraph);
        } else if (dice < 82) {
            return get("similar", "/api/paragraphs/" + paragraph + "/similar?size=5"
                    + (random.nextBoolean() ? "&exclude=session" : ""));
        } else if (dice < 87) {
            return get("recommendations", "/api/recommendations?q=" + (random.nextBoolean() ? "victims" : "")
                    + FuzzIT.pick(random, List.of("", "&status=adopted", "&strength=should", "&topic=non-punishment")));
        } else if (dice < 93) {
            return get("documents", random.nextBoolean() ? "/api/documents" : "/api/documents/" + FuzzIT.pick(random, documents));
        } else if (dice < 95) {
            return new Call("draft", HttpRequest.newBuilder(URI.create(site.baseUrl() + "/api/similar"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"size\": 5, \"text\": \""
                            + FuzzIT.pick(random, DRAFTS) + "\"}")).build());
        } else if (dice < 97) {
            return get("export", FuzzIT.pick(random, List.of("/api/search.csv", "/api/search.json",
                    "/api/recommendations.csv")) + "?q=" + (random.nextBoolean() ? "victims" : "corruption"));
        }
        return get("health", "/api/health");
    }

    private static Call get(String kind, String pathAndQuery) {
        return new Call(kind, HttpRequest.newBuilder(URI.create(site.baseUrl() + pathAndQuery)).build());
    }

    /** What the clients saw in one phase. */
    private static final class Tally {
        final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final AtomicInteger partial = new AtomicInteger();
    }

    /** The clients, each looping on its own connection until the phase ends. */
    private static Tally load(Duration phase, List<String> paragraphs, List<String> documents, long seed)
            throws Exception {
        var tally = new Tally();
        long end = System.nanoTime() + phase.toNanos();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var running = new ArrayList<Future<?>>();
            for (int c = 0; c < CONNECTIONS; c++) {
                var random = new Random(seed + c);
                running.add(clients.submit(() -> {
                    try (HttpClient http = HttpClient.newHttpClient()) { // its own connection
                        while (System.nanoTime() < end) {
                            Call call = call(random, paragraphs, documents);
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> response = http.send(call.request(),
                                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                                tally.millis.add((System.nanoTime() - start) / 1_000_000);
                                if (response.statusCode() / 100 != 2) {
                                    tally.errors.add(response.statusCode() + " " + call.kind() + " "
                                            + call.request().uri() + " -> " + FuzzIT.abbreviate(response.body()));
                                } else if (response.body().contains("\"partial\":true")) {
                                    tally.partial.incrementAndGet();
                                }
                            } catch (IOException e) {
                                tally.errors.add(e + " " + call.kind() + " " + call.request().uri());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
        return tally;
    }

    @Test
    void sixtyFourClientsForAMinuteGetNoErrorAndTheHeapDoesNotGrow() throws Exception {
        var paragraphs = new ArrayList<String>();
        for (int page = 1; page <= 3; page++) {
            site.api("/api/search?mode=bm25&size=100&page=" + page).get("hits").forEach(h -> paragraphs.add(h.get("id").asText()));
        }
        var documents = new ArrayList<String>();
        site.api("/api/documents").get("documents").forEach(d -> documents.add(d.get("id").asText()));

        Tally warmUp = load(WARM_UP, paragraphs, documents, SEED);
        long warmHeap = heapAfterCollection();
        Tally run = load(RUN, paragraphs, documents, SEED + CONNECTIONS);
        long endHeap = heapAfterCollection();

        long[] millis = run.millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("soak: %d connections for %d s after %d s of warm-up: %d requests, %.0f per second, "
                + "latency p50 %d ms, p99 %d ms, max %d ms; %d partial; heap after a full collection %d MB warm, "
                + "%d MB at the end%n", CONNECTIONS, RUN.toSeconds(), WARM_UP.toSeconds(), millis.length,
                millis.length / (double) RUN.toSeconds(), millis[millis.length / 2], millis[millis.length * 99 / 100],
                millis[millis.length - 1], run.partial.get(), warmHeap >> 20, endHeap >> 20);
        var errors = new ArrayList<>(warmUp.errors);
        errors.addAll(run.errors);
        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " requests failed");
        assertTrue(endHeap <= warmHeap * (1 + HEAP_SLACK) + HEAP_SLACK_BYTES,
                "the heap grew from " + (warmHeap >> 20) + " MB to " + (endHeap >> 20) + " MB");
    }

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");

    /** The server's used heap right after a full collection, as the JDK's jcmd tells it. */
    private static long heapAfterCollection() throws Exception {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        assertTrue(used.find(), info);
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Runs a jcmd command on the server, with the jcmd beside the server's own java. */
    private static String jcmd(String command) throws Exception {
        ProcessHandle server = site.serverProcess();
        Path java = Path.of(server.info().command().orElseThrow());
        Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(server.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "jcmd " + command + " did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
