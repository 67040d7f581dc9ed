package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;
import org.tipsearch.Multipart;
import org.tipsearch.ingest.ReportReader;

/** The curator's API over real HTTP against the built jar: uploads, removal, the token, limits and bad files. */
class AdminIT {

    static final String TOKEN = "admin-it-" + "0123456789abcdef";

    @TempDir
    static Path indexDir;
    @TempDir
    static Path secrets;
    static JarProcess.Server server;

    @BeforeAll
    static void start() throws Exception {
        Path tokenFile = secrets.resolve("admin-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        // uploads are kept in the reports folder: a copy, never the project's own index-data/reports
        Path reports = Files.createDirectories(secrets.resolve("reports"));
        for (Path report : ReportReader.reportFiles(BundledReports.DIR)) {
            Files.copy(report, reports.resolve(report.getFileName()));
        }
        server = new JarProcess.Server("--index", indexDir.toString(), "--reports", reports.toString(),
                "--admin-token-file", tokenFile.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Answer(int status, HttpResponse<String> response, JsonNode json) {}

    static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = ApiIT.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response, ApiIT.JSON.readTree(response.body()));
    }

    static HttpRequest.Builder upload(Multipart files, String token) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/reports"))
                .header("Content-Type", files.contentType()).POST(files.publisher());
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static HttpRequest.Builder remove(String id, String token) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/reports/" + id)).DELETE()
                .header("Authorization", "Bearer " + token);
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        Answer answer = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)));
        assertEquals(200, answer.status(), answer.response().body());
        return answer.json();
    }

    static byte[] report(String title, String... paragraphs) {
        var text = new StringBuilder(title).append("\n\n");
        for (int i = 0; i < paragraphs.length; i++) {
            text.append(i + 1).append(". ").append(paragraphs[i]).append("\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutTheTokenNothingChanges() throws Exception {
        JsonNode before = get("/api/documents");
        Multipart files = new Multipart().file("file", "sneaky.txt", report("Report of a meeting", "Something new."));
        Answer missing = send(upload(files, null));
        assertEquals(401, missing.status());
        assertEquals("unauthorized", missing.json().get("error").asText());
        assertTrue(missing.response().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, send(upload(files, TOKEN + "x")).status());
        assertEquals(401, send(upload(files, "")).status());
        assertEquals(401, send(remove(BundledReports.ARTICLE_2023, "wrong-token-but-long-enough")).status());
        assertEquals(before, get("/api/documents"));
    }

    @Test
    void otherSitesCannotUseTheAdminApiWhateverTheirToken() throws Exception {
        Multipart files = new Multipart().file("file", "cross.txt", report("Report of a meeting", "From elsewhere."));
        Answer crossSite = send(upload(files, TOKEN).header("Origin", "https://evil.example"));
        assertEquals(403, crossSite.status());
        assertTrue(crossSite.json().get("message").asText().contains("no requests from other sites"));
        HttpResponse<String> preflight = ApiIT.HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/reports"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(preflight.statusCode() < 300, "a browser on another site may not send it: " + preflight.statusCode());
        assertTrue(get("/api/documents").get("documents").findValuesAsText("id").stream().noneMatch(id -> id.equals("cross")));
    }

    @Test
    void anUploadGoesInWholeAndIsSearchableAtOnceWhileBadFilesFailAlone() throws Exception {
        // asked before the upload: the server's page of no hits must not outlive the index it came from
        assertEquals(0, get("/api/search?mode=bm25&q=quokka").get("total").asInt());
        Instant before = Instant.now();
        Multipart files = new Multipart()
                .file("file", "C:\\drafts\\Working Group 2099 (final).txt", report("Report of the Working Group on a meeting held in 2099",
                        "Delegates discussed quokka-based awareness campaigns.", "They agreed on a second paragraph."))
                .file("file", "empty.txt", new byte[0])
                .file("file", "scan.pdf", "this is not a PDF".getBytes(StandardCharsets.UTF_8))
                .file("file", "photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                .file("file", "nothing.txt", "  \n \n".getBytes(StandardCharsets.UTF_8));
        Answer answer = send(upload(files, TOKEN));
        assertEquals(200, answer.status(), answer.response().body());
        JsonNode result = answer.json();
        assertEquals(1, result.get("added").asInt());
        assertEquals(4, result.get("failed").asInt());
        JsonNode added = result.get("files").get(0);
        assertEquals("Working Group 2099 (final).txt", added.get("file").asText(), "folders of the client's path are dropped");
        assertEquals("added", added.get("status").asText());
        assertEquals(2, added.get("paragraphs").asInt());
        String id = added.get("report").asText();
        for (JsonNode failed : List.of(result.get("files").get(1), result.get("files").get(2), result.get("files").get(3),
                result.get("files").get(4))) {
            assertEquals("failed", failed.get("status").asText());
            assertTrue(failed.get("reason").asText().startsWith(failed.get("file").asText() + ": "), failed.toString());
            assertFalse(failed.has("report"));
        }

        // searchable at once, listed with when and from which file it was added
        JsonNode hits = get("/api/search?mode=bm25&q=quokka");
        assertEquals(1, hits.get("total").asInt());
        assertEquals(id + "/para-1", hits.get("hits").get(0).get("id").asText());
        JsonNode listed = null;
        for (JsonNode document : get("/api/documents").get("documents")) {
            if (document.get("id").asText().equals(id)) {
                listed = document;
            }
        }
        assertEquals("Working Group 2099 (final).txt", listed.get("source").asText());
        assertFalse(Instant.parse(listed.get("addedAt").asText()).isBefore(before.minusSeconds(1)));

        // the same file again changes nothing; removing it takes it out whole
        Answer again = send(upload(new Multipart().file("file", "copy.txt", report("Report of the Working Group on a meeting held in 2099",
                "Delegates discussed quokka-based awareness campaigns.", "They agreed on a second paragraph.")), TOKEN));
        assertEquals("unchanged", again.json().get("files").get(0).get("status").asText());
        assertEquals(id, again.json().get("files").get(0).get("report").asText());
        Answer removed = send(remove(id, TOKEN));
        assertEquals(200, removed.status());
        assertEquals(id, removed.json().get("removed").asText());
        assertEquals(0, get("/api/search?mode=bm25&q=quokka").get("total").asInt());
        assertEquals(404, send(remove(id, TOKEN)).status());
    }

    @Test
    void anUploadOfOnlyBadFilesIsRefused() throws Exception {
        Answer answer = send(upload(new Multipart().file("file", "empty.txt", new byte[0]), TOKEN));
        assertEquals(422, answer.status());
        assertEquals("unprocessable", answer.json().get("error").asText());
        assertTrue(answer.json().get("message").asText().contains("empty.txt: the file is empty"), answer.response().body());
        Answer none = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/reports"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, none.status());
        assertTrue(none.json().get("message").asText().contains("multipart/form-data"));
    }

    @Test
    void anUploadOfMoreThanAHundredFilesIsRefused() throws Exception {
        var hundred = new Multipart();
        IntStream.range(0, AdminHandlers.MAX_UPLOAD_FILES).forEach(i -> hundred.file("file", i + ".txt", new byte[0]));
        assertEquals(422, send(upload(hundred, TOKEN)).status(), "a hundred files are read (and these fail)");
        Answer tooMany = send(upload(hundred.file("file", "one-more.txt", new byte[0]), TOKEN));
        assertEquals(400, tooMany.status(), tooMany.response().body());
        assertTrue(tooMany.json().get("message").asText().contains("at most 100 files, not 101"), tooMany.response().body());
    }

    @Test
    void anUploadOverTheLimitIsRefused() throws Exception {
        Multipart huge = new Multipart().file("file", "huge.txt", new byte[51 * 1024 * 1024]);
        // refused on its declared length while the client still sends: a server that closed on the unread body
        // reset the connection, and one upload in thirty or so lost its answer; twenty make that show
        for (int i = 0; i < 20; i++) {
            Answer declared = send(upload(huge, TOKEN));
            assertEquals(413, declared.status(), declared.response().body());
            assertTrue(declared.json().get("message").asText().contains("larger than the limit of 52428800 bytes (50 MB)"));
        }
        // sent without a length (chunked), the server stops reading at the limit all the same
        var stream = HttpRequest.BodyPublishers.fromPublisher(huge.publisher());
        Answer chunked = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/reports"))
                .header("Content-Type", huge.contentType()).header("Authorization", "Bearer " + TOKEN).POST(stream));
        assertEquals(413, chunked.status(), chunked.response().body());
    }

    /** Two curators at once: the server takes their uploads one after the other, and both go in. */
    @Test
    void concurrentUploadsAreTakenOneAfterTheOther() throws Exception {
        var first = ApiIT.HTTP.sendAsync(upload(new Multipart().file("file", "first.txt",
                report("Report of a meeting", "Wombats were discussed at length.")), TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        var second = ApiIT.HTTP.sendAsync(upload(new Multipart().file("file", "second.txt",
                report("Report of another meeting", "Wombats were discussed again.")), TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture.allOf(first, second).join();
        assertEquals(200, first.join().statusCode(), first.join().body());
        assertEquals(200, second.join().statusCode(), second.join().body());
        assertEquals(2, get("/api/search?mode=bm25&q=wombats").get("total").asInt());
        send(remove("first", TOKEN));
        send(remove("second", TOKEN));
    }

    @Test
    void withoutATokenTheAdminApiIsOff() throws Exception {
        try (var plain = new JarProcess.Server("--index", indexDir.toString())) {
            HttpResponse<String> response = ApiIT.HTTP.send(HttpRequest.newBuilder(URI.create(plain.baseUrl() + "/api/admin/reports"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("the admin API is off"), response.body());
            assertTrue(plain.startupOutput().stream().anyMatch(l -> l.equals("tipsearch: admin API off (no token)")),
                    plain.startupOutput().toString());
        }
    }
}
