package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tipsearch.Browser;
import org.tipsearch.BundledReports;
import org.tipsearch.Folders;
import org.tipsearch.JarProcess;

/**
 * For a test class of the pages or the API: the built jar serving the bundled reports, and, once asked for, a
 * desktop-sized headless chromium. Register it with
 * {@code @RegisterExtension static final ServedPages site = new ServedPages();}, or give the server more options
 * ({@code new ServedPages("--query-budget-ms", "1")}).
 */
final class ServedPages implements BeforeAllCallback, AfterAllCallback {

    private final List<String> serverOptions;
    private Path indexDir;
    private JarProcess.Server server;
    private Browser browser;

    ServedPages(String... serverOptions) {
        this.serverOptions = List.of(serverOptions);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        indexDir = Files.createTempDirectory("tipsearch-pages-index");
        var options = new ArrayList<>(List.of("--index", indexDir.toString(), "--reports", BundledReports.DIR.toString()));
        options.addAll(serverOptions);
        server = new JarProcess.Server(options.toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (var closing = browser) { // null when no test asked for it
            server.close();
        } finally {
            Folders.delete(indexDir);
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    ProcessHandle serverProcess() {
        return server.process();
    }

    /** The browser, started on first use. */
    Browser browser() {
        if (browser == null) {
            try {
                browser = new Browser(1280, 1000);
            } catch (IOException e) {
                throw new UncheckedIOException("the browser did not start", e);
            }
        }
        return browser;
    }

    /** Opens a page of the server in the browser. */
    void open(String pathAndQuery) {
        browser().open(server.baseUrl() + pathAndQuery);
    }

    /** The API's answer (which must be 200) to a GET of the server. */
    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        return api(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)));
    }

    JsonNode api(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = ApiIT.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return ApiIT.JSON.readTree(response.body());
    }
}
