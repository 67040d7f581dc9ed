package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tipsearch.Browser;
import org.tipsearch.BundledReports;
import org.tipsearch.Multipart;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.search.SearchService;

/**
 * /openapi.json tells the truth about the server it comes from: its operations are the server's API routes, each
 * operation's query parameters are the ones the endpoint takes, real answers have the documented shapes, and
 * /docs renders it.
 */
class OpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TAKES = Pattern.compile("this endpoint takes \\[(.*)]$");

    private static final String ADMIN_TOKEN = "openapi-test-admin-token";

    @TempDir
    static Path indexDir;
    @TempDir
    static Path uploadedReports;
    static SearchService search;
    static Javalin app;
    static String baseUrl;
    static String documentUrl;
    static JsonNode document;
    static SchemaRegistry schemas;

    @BeforeAll
    static void start() throws Exception {
        assertEquals(List.of(), BundledReports.index(indexDir).failures());
        search = SearchService.open(indexDir);
        app = WebServer.create(search, List.of("*"), new ReportLibrary(indexDir, uploadedReports), ADMIN_TOKEN).start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + app.port();
        documentUrl = baseUrl + "/openapi.json";
        Answer served = call("GET", "/openapi.json", null);
        document = served.json();
        // The document is registered under the address it is served from, so that its "#/components/…" resolve.
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                registry -> registry.schemas(Map.of(documentUrl, served.body())));
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        search.close();
    }

    record Answer(int status, String mediaType, HttpHeaders headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static Answer call(String method, String pathAndQuery, String body) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    static Answer call(HttpRequest.Builder builder) throws Exception {
        HttpRequest request = builder.build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String mediaType = response.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").strip();
        return new Answer(response.statusCode(), mediaType, response.headers(), response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An operation of the document: its method, its path template and the JSON pointer to it. */
    record Operation(String method, String path, String pointer) {
        JsonNode node() {
            return document.at(pointer);
        }

        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        /** The path with each {param} filled with the example the document gives for it. */
        String examplePath() {
            String filled = path;
            for (JsonNode parameter : parameters("path")) {
                filled = filled.replace("{" + parameter.get("name").asText() + "}", parameter.get("example").asText());
            }
            return filled;
        }

        List<JsonNode> parameters(String in) {
            var out = new ArrayList<JsonNode>();
            node().path("parameters").forEach(p -> {
                JsonNode parameter = resolve(p);
                if (parameter.get("in").asText().equals(in)) {
                    out.add(parameter);
                }
            });
            return out;
        }

        boolean matches(String method, String concretePath) {
            return this.method.equalsIgnoreCase(method)
                    && concretePath.matches(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
        }
    }

    static List<Operation> operations() {
        var out = new ArrayList<Operation>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                out.add(new Operation(method, path.getKey(), "/paths/" + pointerToken(path.getKey()) + "/" + method));
            }
        }));
        return out;
    }

    static Set<String> operationNames() {
        return operations().stream().map(Operation::name).collect(Collectors.toCollection(TreeSet::new));
    }

    static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A node of the document, or what its "$ref" names. */
    static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    @Test
    void theOperationsAreTheApiRoutes() {
        Set<String> routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .filter(endpoint -> endpoint.path.startsWith("/api/") || endpoint.path.equals("/openapi.json"))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routes, operationNames());
    }

    /**
     * An endpoint refuses a parameter it does not take and lists those it takes; one that does not look at its
     * query string (the document itself, a paragraph id cut short) must document none.
     */
    @Test
    void eachOperationDocumentsTheQueryParametersItTakes() throws Exception {
        for (Operation operation : operations()) {
            Set<String> documented = operation.parameters("query").stream().map(p -> p.get("name").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            Answer answer = call(operation.method().toUpperCase(Locale.ROOT), operation.examplePath() + "?noSuchParameter=1", null);
            if (answer.status() == 400) {
                Matcher takes = TAKES.matcher(answer.json().get("message").asText());
                assertTrue(takes.find(), operation.name() + ": " + answer.body());
                Set<String> accepted = Arrays.stream(takes.group(1).split(", ")).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(accepted, documented, operation.name());
            } else {
                assertEquals(Set.of(), documented, operation.name() + " answered " + answer.status() + " to an unknown parameter");
            }
        }
    }

    /** A request and the status it should get; an admin request carries the token when told to. */
    record Try(String method, String pathAndQuery, String body, Multipart upload, boolean admin, int status) {
        static Try get(String pathAndQuery, int status) {
            return new Try("GET", pathAndQuery, null, null, false, status);
        }

        static Try similarTo(String body, int status) {
            return new Try("POST", "/api/similar", body, null, false, status);
        }

        static Try upload(Multipart files, boolean admin, int status) {
            return new Try("POST", "/api/admin/reports", null, files, admin, status);
        }

        static Try remove(String reportId, boolean admin, int status) {
            return new Try("DELETE", "/api/admin/reports/" + reportId, null, null, admin, status);
        }

        HttpRequest.Builder request(String server) {
            var builder = HttpRequest.newBuilder(URI.create(server + pathAndQuery));
            if (upload != null) {
                builder.header("Content-Type", upload.contentType()).method(method, upload.publisher());
            } else {
                builder.header("Content-Type", "application/json").method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            }
            return admin ? builder.header("Authorization", "Bearer " + ADMIN_TOKEN) : builder;
        }
    }

    /** Requests of every operation: their status, media type, headers and JSON are the documented ones. */
    @Test
    void realAnswersHaveTheDocumentedShapes() throws Exception {
        String report = "/api/paragraphs/" + BundledReports.WORKING_GROUP_2023;
        var covered = new TreeSet<String>();
        for (Try request : List.of(
                Try.get("/api/search?q=non-punishment&topic=non-punishment&topic=child-trafficking&session="
                        + encode("13th session (2023)") + "&session=" + encode("14th session (2024)"), 200),
                Try.get("/api/search?q=trafficking&mode=bm25&kind=recommendation&status=adopted&status=proposed&size=3&page=2", 200),
                Try.get("/api/search?q=organ+harvesting&mode=semantic&speakerType=civil-society&year=2024", 200),
                Try.get("/api/search?q=" + encode("\"unbalanced") + "&reportKind=constructive-dialogue-summary", 200),
                Try.get("/api/search?size=100&country=Germany&organization=" + encode("International Organization for Migration"), 200),
                Try.get("/api/facets?q=corruption&year=2023&reportKind=working-group-report", 200),
                Try.get("/api/recommendations?q=victims&status=observation&strength=should&topic=non-punishment", 200),
                Try.get("/api/recommendations?size=100&session=" + encode("12th session (2022)"), 200),
                Try.get(report + "/para-19", 200),
                Try.get(report + "/para-1", 200),
                Try.get(report + "/para-19/similar?size=5&exclude=session", 200),
                Try.get(report + "/para-19/similar?kind=recommendation&status=adopted", 200),
                Try.similarTo("{\"text\": \"States should not punish victims for offences they were compelled to commit\","
                        + " \"size\": 5, \"kind\": \"paragraph\", \"status\": [\"stakeholder\", \"observation\"]}", 200),
                Try.get("/api/suggest?prefix=org&size=5", 200),
                Try.get("/api/topics", 200),
                Try.get("/api/labels", 200),
                Try.get("/api/documents", 200),
                Try.get("/api/documents/" + BundledReports.ARTICLE_2023, 200),
                Try.get("/api/documents/" + BundledReports.WORKING_GROUP_2023, 200),
                Try.get("/api/health", 200),
                Try.get("/api/search.csv?q=corruption&topic=corruption", 200),
                Try.get("/api/search.json?q=corruption&topic=corruption&mode=bm25", 200),
                Try.get("/api/recommendations.csv?q=organ", 200),
                Try.get("/api/recommendations.json?q=organ&status=observation", 200),
                Try.get("/openapi.json", 200),
                Try.get("/api/search?size=0", 400),
                Try.get("/api/recommendations?mode=semantic", 400),
                Try.get("/api/suggest", 400),
                Try.similarTo("{\"text\": \"\"}", 400),
                Try.similarTo("{\"text\": \"" + "a".repeat(1_100_000) + "\"}", 413),
                Try.get(report + "/para-999", 404),
                Try.get(report, 404),
                Try.get("/api/documents/no-such-report", 404),
                Try.upload(new Multipart().file("file", "a.txt", "1. A paragraph.".getBytes(StandardCharsets.UTF_8)), false, 401),
                Try.upload(new Multipart()
                        .file("file", "added.txt", "Report of a meeting\n\n1. A first paragraph.\n\n2. A second one.".getBytes(StandardCharsets.UTF_8))
                        .file("file", "empty.txt", new byte[0]), true, 200),
                Try.upload(new Multipart().file("file", "image.png", new byte[] {1, 2, 3}), true, 422),
                Try.remove("added", true, 200),
                Try.remove("added", true, 404),
                Try.remove(BundledReports.ARTICLE_2023, false, 401))) {
            covered.add(assertDocumented(request).name());
        }
        assertEquals(operationNames(), covered, "every operation is tried");
    }

    /**
     * A search that cannot finish within the server's time budget answers the documented 503 and its Retry-After:
     * here on a server whose budget is a nanosecond, spent before any search starts.
     */
    @Test
    void aSearchOverItsBudgetAnswersTheDocumented503() throws Exception {
        try (var hurried = SearchService.open(indexDir, Duration.ofNanos(1))) {
            Javalin slow = WebServer.create(hurried, List.of("*"), new ReportLibrary(indexDir, uploadedReports), null)
                    .start("127.0.0.1", 0);
            try {
                String report = "/api/paragraphs/" + BundledReports.WORKING_GROUP_2023;
                for (Try request : List.of(
                        Try.get("/api/search?q=non-punishment", 503),
                        Try.get("/api/facets?q=corruption&year=2023", 503),
                        Try.get("/api/recommendations?q=victims", 503),
                        Try.get(report + "/para-19/similar?size=5", 503),
                        Try.similarTo("{\"text\": \"States should not punish victims\"}", 503),
                        Try.get("/api/search.csv?q=corruption", 503),
                        Try.get("/api/search.json?q=corruption&mode=bm25", 503),
                        Try.get("/api/recommendations.csv?q=organ", 503),
                        Try.get("/api/recommendations.json?q=organ", 503),
                        Try.get(report + "/para-19", 200))) {
                    assertDocumented(request, "http://127.0.0.1:" + slow.port());
                }
            } finally {
                slow.stop();
            }
        }
    }

    /** A wrong method has no operation to document it; its answer is still the one error shape. */
    @Test
    void aWrongMethodAnswersTheErrorShape() throws Exception {
        Answer answer = call("GET", "/api/similar", null);
        assertEquals(405, answer.status());
        assertValid(documentUrl + "#/components/schemas/Error", answer.json());
    }

    /** The enums of the id-valued facets are the ids the server names in /api/labels. */
    @Test
    void theFacetEnumsAreTheLabelledValues() throws Exception {
        JsonNode labels = call("GET", "/api/labels", null).json().get("values");
        JsonNode documented = document.at("/components/schemas/LabelsResponse/properties/values/properties");
        assertEquals(names(labels), names(documented));
        for (String dimension : names(labels)) {
            var values = new TreeSet<String>();
            resolve(documented.get(dimension).get("propertyNames")).get("enum").forEach(v -> values.add(v.asText()));
            assertEquals(names(labels.get(dimension)), values, dimension);
        }
    }

    private static Set<String> names(JsonNode object) {
        var out = new TreeSet<String>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Operation assertDocumented(Try request) throws Exception {
        return assertDocumented(request, baseUrl);
    }

    /** Sends the request to a server and checks the answer against the operation the document has for it. */
    private static Operation assertDocumented(Try request, String server) throws Exception {
        String path = request.pathAndQuery().replaceFirst("\\?.*", "");
        List<Operation> matching = operations().stream().filter(o -> o.matches(request.method(), path)).toList();
        assertEquals(1, matching.size(), request.method() + " " + path + " matches " + matching);
        Operation operation = matching.get(0);
        Answer answer = call(request.request(server));
        String what = request.method() + " " + abbreviate(request.pathAndQuery());
        assertEquals(request.status(), answer.status(), what + ": " + abbreviate(answer.body()));

        JsonNode documented = operation.node().path("responses").path(String.valueOf(answer.status()));
        assertFalse(documented.isMissingNode(), what + ": status " + answer.status() + " is not documented");
        String responsePointer = documented.has("$ref") ? documented.get("$ref").asText().substring(1)
                : operation.pointer() + "/responses/" + answer.status();
        JsonNode response = document.at(responsePointer);
        assertTrue(response.path("content").has(answer.mediaType()), what + ": " + answer.mediaType() + " is not documented");
        for (String header : names(response.path("headers"))) {
            assertTrue(answer.headers().firstValue(header).isPresent(), what + ": no " + header);
        }
        if (answer.mediaType().equals("application/json")) {
            assertValid(documentUrl + "#" + responsePointer + "/content/application~1json/schema", answer.json());
        }
        return operation;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void assertValid(String schemaLocation, JsonNode instance) {
        List<Error> errors = schemas.getSchema(SchemaLocation.of(schemaLocation)).validate(instance);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), schemaLocation);
    }

    /** Swagger UI renders the document under the page's Content-Security-Policy, and its "Try it out" calls the API. */
    @Test
    void theDocsPageRendersEveryOperation() throws Exception {
        try (var browser = new Browser(1280, 900)) {
            browser.open(baseUrl + "/docs");
            browser.shown(By.cssSelector(".opblock"));
            browser.screenshot("docs");
            List<String> paths = browser.all(By.cssSelector(".opblock .opblock-summary-path")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(paths.contains("/api/search"), paths.toString());
            assertEquals(operations().size(), paths.size(), paths.toString());

            browser.shown(By.cssSelector("#operations-Service-health .opblock-summary")).click();
            browser.shown(By.cssSelector("#operations-Service-health .try-out__btn")).click();
            browser.shown(By.cssSelector("#operations-Service-health .execute")).click();
            assertEquals("200", browser.shown(By.cssSelector(
                    "#operations-Service-health .live-responses-table .response .response-col_status")).getText());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
