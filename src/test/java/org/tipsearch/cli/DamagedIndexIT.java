package org.tipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.Folders;
import org.tipsearch.JarProcess;
import org.tipsearch.JarProcess.Result;
import org.tipsearch.index.IndexCheck;
import org.tipsearch.index.IndexIntegrity;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.search.SearchService;
import org.tipsearch.web.WebServer;

/**
 * An index damaged on disk is never answered from: the commands and the server find it at open, set it aside
 * and rebuild it from the reports, say so in one line, and answer as the whole index did.
 */
class DamagedIndexIT {

    @TempDir
    Path dir;

    @Test
    void searchSetsADamagedIndexAsideAndAnswersFromARebuiltOne() throws Exception {
        Path index = dir.resolve("index");
        assertEquals(0, JarProcess.run("index", "--index", index.toString(), "--reports", BundledReports.DIR.toString())
                .exitCode());
        Result before = JarProcess.run("search", "non-punishment", "--mode", "bm25", "--index", index.toString());
        damage(index, ".fdt");

        Result after = JarProcess.run("search", "non-punishment", "--mode", "bm25", "--index", index.toString(),
                "--reports", BundledReports.DIR.toString());
        assertEquals(0, after.exitCode(), after.err());
        List<String> lines = after.err().lines().filter(l -> l.startsWith("tipsearch:")).toList();
        assertEquals(1, lines.size(), after.err());
        assertTrue(lines.get(0).matches("tipsearch: the index at .* was damaged \\(.*\\); set aside at .*\\.damaged-\\d{8}-"
                + "\\d{6} and rebuilt from .*: 5 reports, 208 units"), lines.get(0));
        assertEquals(withoutTimes(before.out()), withoutTimes(after.out()));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(1, siblings.filter(p -> p.getFileName().toString().startsWith("index.damaged-")).count());
        }
    }

    /** A repair rebuilds from the folder the index was built from, not from whichever this command would use. */
    @Test
    void aRepairRebuildsFromTheReportsTheIndexWasBuiltFrom() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.copy(BundledReports.file(BundledReports.ARTICLE_2023), mine.resolve("article.txt"));
        Path index = dir.resolve("scratch");
        assertEquals(0, JarProcess.run("index", "--index", index.toString(), "--reports", mine.toString()).exitCode());
        damage(index, ".fdt");

        Result after = JarProcess.run("search", "trafficking", "--mode", "bm25", "--index", index.toString());
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.err().contains("rebuilt from " + mine.toAbsolutePath() + ": 1 report, 15 units"), after.err());
    }

    @Test
    void aServerRepairsADamagedIndexBeforeItAnswers() throws Exception {
        Path index = dir.resolve("index");
        assertEquals(0, JarProcess.run("index", "--index", index.toString(), "--reports", BundledReports.DIR.toString())
                .exitCode());
        damage(index, ".vec");
        try (var server = new JarProcess.Server("--index", index.toString(), "--reports", BundledReports.DIR.toString())) {
            assertTrue(server.startupOutput().stream().anyMatch(l -> l.startsWith("tipsearch: the index at ")
                    && l.contains("was damaged")), server.startupOutput().toString());
            JsonNode health = get(server, "/api/health");
            assertEquals("ok", health.get("status").asText());
            assertEquals("whole", health.get("index").asText());
            assertEquals(208, health.get("paragraphs").asInt());
            JsonNode hits = get(server, "/api/search?q=non-punishment&mode=bm25");
            assertEquals(8, hits.get("total").asInt());
        }
    }

    /**
     * A large index is verified while the server answers: once the check finds damage, the health answer says
     * what with a 503, the API answers 503 rather than from damaged files, and the index is marked for the next
     * start to repair.
     */
    @Test
    void aServerStopsAnsweringFromAnIndexItsBackgroundCheckFindsDamaged() throws Exception {
        Path index = dir.resolve("index");
        BundledReports.index(index);
        damage(index, ".tim");
        var found = new java.util.concurrent.CompletableFuture<String>();
        IndexCheck check = IndexCheck.inBackground(index, found::complete);
        try (SearchService search = SearchService.open(index)) {
            Javalin app = WebServer.create(search, List.of("*"), new ReportLibrary(index, dir.resolve("reports")), null,
                    check, 0).start("127.0.0.1", 0);
            try {
                found.get(30, java.util.concurrent.TimeUnit.SECONDS);
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> health = send(base + "/api/health");
                assertEquals(503, health.statusCode(), health.body());
                JsonNode body = new ObjectMapper().readTree(health.body());
                assertEquals("damaged", body.get("status").asText());
                assertEquals("damaged", body.get("index").asText());
                assertTrue(body.get("damage").asText().contains("checksum"), health.body());
                HttpResponse<String> search503 = send(base + "/api/search?q=trafficking");
                assertEquals(503, search503.statusCode(), search503.body());
                assertTrue(search503.body().contains("the index is damaged"), search503.body());
                assertTrue(IndexIntegrity.isMarkedDamaged(index));
            } finally {
                app.stop();
            }
        }
    }

    /** Inverts 64 bytes in the middle of the index's first file with the ending. */
    private static void damage(Path index, String ending) throws Exception {
        try (Stream<Path> files = Files.list(index)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(ending)).findFirst().orElseThrow();
            Folders.flipBytes(file);
        }
    }

    private static HttpResponse<String> send(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(JarProcess.Server server, String path) throws Exception {
        HttpResponse<String> response = send(server.baseUrl() + path);
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    private static String withoutTimes(String out) {
        return out.replaceAll("\\(\\d+ ms\\)", "");
    }
}
