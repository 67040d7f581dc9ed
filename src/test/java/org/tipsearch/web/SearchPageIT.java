package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tipsearch.Browser;
import org.tipsearch.BundledReports;

/**
 * The search page and the paragraph page in a real headless chromium against the built jar: what a researcher
 * does — type, filter, read the theme over time, open a paragraph, go back, export — checked against the API.
 */
class SearchPageIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();
    static Browser browser;

    @BeforeAll
    static void browser() {
        browser = site.browser();
    }

    /** The ids of the hits the page shows, in order. */
    static List<String> shownIds() {
        return browser.all(By.cssSelector("#hits > li.hit")).stream().map(li -> li.getDomAttribute("data-id")).toList();
    }

    static List<String> apiIds(JsonNode results) {
        return ApiIT.texts(results.get("hits"), "id");
    }

    /** Waits until the page shows the API's first page for the query string (the same parameters). */
    static JsonNode awaitResultsOf(String query) throws Exception {
        JsonNode expected = site.api("/api/search?" + query + (query.isEmpty() ? "" : "&") + "size=10");
        List<String> ids = apiIds(expected);
        browser.await(d -> shownIds().equals(ids));
        return expected;
    }

    /** What the facet sidebar shows for a dimension: value → count. */
    static Map<String, Integer> shownFacet(String dim) {
        var out = new LinkedHashMap<String, Integer>();
        for (WebElement box : browser.all(By.cssSelector(".facet[data-dim='" + dim + "'] input[type=checkbox]"))) {
            WebElement count = box.findElement(By.xpath("./ancestor::label//span[@class='count']"));
            out.put(box.getDomAttribute("value"), Integer.parseInt(count.getText().replaceAll("\\D.*", "")));
        }
        return out;
    }

    static Map<String, Integer> apiFacet(JsonNode results, String dim) {
        var out = new LinkedHashMap<String, Integer>();
        results.get("facets").get(dim).forEach(c -> out.put(c.get("value").asText(), c.get("count").asInt()));
        return out;
    }

    static String queryOfUrl() {
        String url = browser.url();
        int at = url.indexOf('?');
        return at < 0 ? "" : URLDecoder.decode(url.substring(at + 1), StandardCharsets.UTF_8);
    }

    @Test
    void aResearcherSearchesFiltersOpensAParagraphAndComesBack() throws Exception {
        browser.open(site.baseUrl() + "/");
        awaitResultsOf(""); // every unit, in report order
        assertTrue(browser.shown(By.id("summary")).getText().startsWith("208 paragraphs"));

        WebElement box = browser.shown(By.id("q"));
        box.sendKeys("non-punishment", Keys.ENTER);
        JsonNode all = awaitResultsOf("q=non-punishment");
        assertTrue(queryOfUrl().contains("q=non-punishment"), browser.url());
        assertTrue(browser.shown(By.id("summary")).getText().startsWith(all.get("total").asInt() + " paragraphs match"));
        assertEquals(apiFacet(all, "session"), shownFacet("session"));
        // long facets show their first values and offer the rest
        assertEquals(8, shownFacet("topic").size());
        browser.shown(By.cssSelector(".facet[data-dim='topic'] .more")).click();
        browser.await(d -> shownFacet("topic").equals(apiFacet(all, "topic")));
        String session = "13th session (2023)";
        assertTrue(all.get("hits").get(0).get("highlight").asText().contains("<mark>"));
        assertTrue(browser.all(By.cssSelector("#hits .hit-text mark")).size() > 0, "the matches are marked");

        // A facet narrows the hits, changes the other facets' counts, and shows in the URL and as a chip.
        browser.shown(By.cssSelector(".facet[data-dim='session'] input[value='" + session + "']")).click();
        JsonNode filtered = awaitResultsOf("q=non-punishment&session=" + ApiIT.encode(session));
        assertTrue(queryOfUrl().contains("session=" + session), browser.url());
        assertTrue(filtered.get("total").asInt() < all.get("total").asInt());
        assertEquals(apiFacet(filtered, "speakerType"), shownFacet("speakerType"));
        assertFalse(apiFacet(filtered, "speakerType").equals(apiFacet(all, "speakerType")), "the counts changed");
        browser.all(By.cssSelector("#hits .hit-meta")).forEach(meta -> assertTrue(meta.getText().startsWith(session), meta.getText()));
        assertEquals("Session: " + session, browser.shown(By.cssSelector("#chips .chip")).getText().strip());
        browser.script("window.scrollTo(0, 0)"); // the tick scrolled to the facet; the picture wants the whole search
        browser.screenshot("search-page");

        // The paragraph page: the unit, its citation, its neighbours and similar wording in other sessions.
        String firstId = apiIds(filtered).get(0);
        WebElement first = browser.shown(By.cssSelector("#hits > li.hit .hit-head a"));
        String label = first.getText();
        first.click();
        browser.await(d -> d.getCurrentUrl().endsWith("/p/" + firstId));
        JsonNode unit = site.api("/api/paragraphs/" + firstId);
        assertEquals(unit.get("shortCitation").asText(), label, "a hit's heading is its short citation");
        assertTrue(browser.shown(By.id("title")).getText().startsWith(unit.get("label").asText()));
        browser.await(d -> unit.get("citation").asText().equals(d.findElement(By.id("citation")).getText()));
        assertEquals(unit.get("text").asText().strip(), browser.shown(By.cssSelector("#unit .text")).getText().strip());
        assertTrue(browser.shown(By.id("permalink")).getDomProperty("value").endsWith("/p/" + firstId));
        JsonNode similar = site.api("/api/paragraphs/" + firstId + "/similar?size=5&exclude=session");
        browser.await(d -> apiIds(similar).equals(d.findElements(By.cssSelector("#similar > li.hit")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList()));
        similar.get("hits").forEach(hit -> assertFalse(session.equals(hit.get("document").get("session").asText())));
        if (!unit.get("previous").isNull()) {
            browser.shown(By.cssSelector("#before a[rel=prev]"));
        }
        browser.screenshot("paragraph-page");

        // Back: the filtered search as it was; back again: the search before the filter.
        browser.driver().navigate().back();
        awaitResultsOf("q=non-punishment&session=" + ApiIT.encode(session));
        assertTrue(browser.shown(By.cssSelector(".facet[data-dim='session'] input[value='" + session + "']")).isSelected());
        assertEquals("non-punishment", browser.shown(By.id("q")).getDomProperty("value"));
        browser.driver().navigate().back();
        awaitResultsOf("q=non-punishment");
        assertFalse(queryOfUrl().contains("session="), browser.url());
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * A paragraph's page names its report in a few words (the long title on hover), lists no file name, and
     * "Search this report" narrows the search to the report with a chip, leaving the box to the user's words.
     */
    @Test
    void theParagraphPageNamesItsReportBrieflyAndSearchesWithinIt() throws Exception {
        JsonNode hit = site.api("/api/search?q=" + ApiIT.encode("victims") + "&reportKind=constructive-dialogue-summary&size=1")
                .get("hits").get(0);
        JsonNode report = hit.get("document");
        String id = report.get("id").asText();
        browser.open(site.baseUrl() + "/p/" + hit.get("id").asText());
        WebElement crumb = browser.shown(By.cssSelector("#breadcrumbs li:nth-child(2) a"));
        assertEquals(report.get("brief").asText(), crumb.getText());
        assertEquals(report.get("title").asText(), crumb.getDomAttribute("title"));
        assertTrue(crumb.getText().length() < 60, crumb.getText());
        browser.shown(By.cssSelector("#report dt"));
        List<String> rows = browser.all(By.cssSelector("#report dt")).stream().map(WebElement::getText).toList();
        assertFalse(rows.contains("Source file"), rows.toString());

        browser.shown(By.id("report-search")).click();
        browser.await(d -> d.getCurrentUrl().contains("report=" + id));
        JsonNode within = awaitResultsOf("q=" + ApiIT.encode("report:" + id));
        assertEquals("", browser.shown(By.id("q")).getDomProperty("value"), "the box is left to the user's words");
        assertEquals("In the report: " + report.get("brief").asText(),
                browser.shown(By.cssSelector("#chips .chip")).getText().strip());
        assertTrue(within.get("total").asInt() > 10);
        within.get("hits").forEach(h -> assertEquals(id, h.get("document").get("id").asText()));

        WebElement box = browser.shown(By.id("q"));
        box.sendKeys("victims", Keys.ENTER);
        JsonNode words = awaitResultsOf("q=" + ApiIT.encode("victims report:" + id));
        words.get("hits").forEach(h -> assertEquals(id, h.get("document").get("id").asText()));
        assertTrue(queryOfUrl().contains("report=" + id) && queryOfUrl().contains("q=victims"), browser.url());
        assertTrue(browser.shown(By.id("export-csv")).getDomAttribute("href").contains(ApiIT.encode("report:" + id)),
                "the export narrowed as the page");
        browser.screenshot("search-within-a-report");
        browser.shown(By.cssSelector("#chips .chip")).click();
        awaitResultsOf("q=victims");
        assertFalse(queryOfUrl().contains("report="), browser.url());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theExportDownloadsTheHitsThePageShows() throws Exception {
        String query = "q=" + ApiIT.encode("organ removal") + "&topic=organ-removal";
        browser.open(site.baseUrl() + "/?" + query);
        JsonNode results = awaitResultsOf(query);
        List<String> shown = shownIds();
        browser.shown(By.id("export-csv")).click();
        Path csv = browser.downloaded(".csv");
        assertTrue(csv.getFileName().toString().startsWith("tipsearch-organ-removal"), csv.toString());
        List<Map<String, String>> rows = csvRows(csv);
        assertEquals(results.get("total").asInt(), rows.size(), "every hit of the search, not only the page");
        List<String> ids = rows.stream().map(row -> row.get("id")).toList();
        assertEquals(shown, ids.subList(0, shown.size()), "in the order the pages show them");
        JsonNode firstHit = results.get("hits").get(0);
        assertEquals(firstHit.get("citation").asText(), rows.get(0).get("citation"));
        assertEquals(firstHit.get("text").asText(), rows.get(0).get("text"));
        // topics by their names, for the people who read the spreadsheet
        rows.forEach(row -> assertTrue(row.get("topics").contains("Trafficking for organ removal"), row.toString()));
    }

    static List<Map<String, String>> csvRows(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte-order mark, for spreadsheets");
        var rows = new ArrayList<Map<String, String>>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text.substring(1))) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void suggestionsComeAsYouTypeAndTheKeyboardTakesOne() throws Exception {
        // a phrase is searched for: the first suggestion of that kind, reached by the arrow keys
        String prefix = List.of("victims", "national", "traffick").stream()
                .filter(p -> suggestedKinds(p).contains("phrase")).findFirst().orElseThrow();
        browser.open(site.baseUrl() + "/");
        WebElement box = browser.shown(By.id("q"));
        box.sendKeys(prefix);
        browser.shown(By.cssSelector("#suggestions li[role=option]"));
        assertEquals("true", box.getDomAttribute("aria-expanded"));
        List<String> kinds = browser.all(By.cssSelector("#suggestions li[role=option] .kind")).stream()
                .map(WebElement::getText).toList();
        int phrase = kinds.indexOf("phrase");
        assertTrue(phrase >= 0, "no phrase among " + kinds);
        String offered = browser.all(By.cssSelector("#suggestions li[role=option] span:first-child")).get(phrase).getText();
        for (int i = 0; i <= phrase; i++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        assertEquals("suggestion-" + phrase, box.getDomAttribute("aria-activedescendant"));
        box.sendKeys(Keys.ENTER);
        browser.await(d -> queryOfUrl().contains("q=" + offered));
        awaitResultsOf("q=" + ApiIT.encode(offered));
        assertEquals("false", box.getDomAttribute("aria-expanded"));
    }

    private static List<String> suggestedKinds(String prefix) {
        try {
            return site.api("/api/suggest?size=8&prefix=" + ApiIT.encode(prefix)).get("suggestions").findValues("kind")
                    .stream().map(JsonNode::asText).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTopicSuggestionAndATopicTagSelectTheTopicRatherThanSearchItsWords() throws Exception {
        browser.open(site.baseUrl() + "/");
        WebElement box = browser.shown(By.id("q"));
        box.sendKeys("organ rem");
        WebElement topic = browser.shown(By.xpath("//ul[@id='suggestions']/li[span[@class='kind' and text()='topic filter']]"));
        assertEquals("Trafficking for organ removal", topic.findElement(By.cssSelector("span")).getText());
        new org.openqa.selenium.interactions.Actions(browser.driver()).click(topic).perform();
        JsonNode filtered = awaitResultsOf("topic=organ-removal");
        assertEquals("", box.getDomProperty("value"), "the words typed for the suggestion are cleared");
        assertTrue(browser.shown(By.cssSelector(".facet[data-dim='topic'] input[value='organ-removal']")).isSelected());
        browser.screenshot("suggestion-selects-topic");
        // a topic tag on a hit filters by its topic too
        String other = browser.all(By.cssSelector("#hits li.hit .tag.topic .tag-filter")).stream()
                .filter(b -> !b.getText().equals("Trafficking for organ removal")).findFirst().orElseThrow().getText();
        JsonNode topicNames = site.api("/api/labels").get("values").get("topic");
        String otherId = filtered.get("facets").get("topic").findValues("value").stream().map(JsonNode::asText)
                .filter(id -> topicNames.get(id).asText().equals(other)).findFirst().orElseThrow();
        browser.all(By.cssSelector("#hits li.hit .tag.topic .tag-filter")).stream()
                .filter(b -> b.getText().equals(other)).findFirst().orElseThrow().click();
        awaitResultsOf("topic=organ-removal&topic=" + otherId);
    }

    @Test
    void theChartShowsTheThemeOverTimeAndABarFiltersBySession() throws Exception {
        String query = "q=" + ApiIT.encode("child trafficking");
        browser.open(site.baseUrl() + "/?" + query);
        JsonNode results = awaitResultsOf(query);
        Map<String, Integer> sessions = apiFacet(results, "session");
        List<WebElement> bars = browser.all(By.cssSelector("#timeline svg .bar"));
        assertEquals(List.copyOf(sessions.keySet()), bars.stream().map(b -> b.getDomAttribute("data-session")).toList(),
                "a bar per session, in time order");
        for (WebElement bar : bars) {
            String count = bar.findElements(By.tagName("text")).get(0).getText();
            assertEquals(String.valueOf(sessions.get(bar.getDomAttribute("data-session"))), count);
        }
        String latest = List.copyOf(sessions.keySet()).get(sessions.size() - 1);
        browser.shown(By.cssSelector("#timeline .bar[data-session='" + latest + "']")).click();
        awaitResultsOf(query + "&session=" + ApiIT.encode(latest));
        // the bars still show every session (the counts ignore the session filter), the chosen one pressed
        browser.await(d -> "true".equals(d.findElement(By.cssSelector("#timeline .bar[data-session='" + latest + "']"))
                .getDomAttribute("aria-pressed")));
        assertEquals(sessions.size(), browser.all(By.cssSelector("#timeline svg .bar")).size());
        // the keyboard works the bar too: Enter on the pressed bar removes the filter, and focus stays on it
        browser.shown(By.cssSelector("#timeline .bar[data-session='" + latest + "']")).sendKeys(Keys.ENTER);
        awaitResultsOf(query);
        browser.await(d -> latest.equals(d.switchTo().activeElement().getDomAttribute("data-session")));
    }

    @Test
    void theModeSwitchAndPagesAreInTheUrl() throws Exception {
        String query = "q=" + ApiIT.encode("victims");
        browser.open(site.baseUrl() + "/?" + query);
        awaitResultsOf(query);
        browser.shown(By.cssSelector("input[name=mode][value=bm25]")).click();
        awaitResultsOf(query + "&mode=bm25");
        browser.shown(By.cssSelector("#pager a[rel=next]")).click();
        awaitResultsOf(query + "&mode=bm25&page=2");
        assertTrue(queryOfUrl().contains("page=2") && queryOfUrl().contains("mode=bm25"), browser.url());
        assertEquals("11", browser.shown(By.id("hits")).getDomAttribute("start"));
        browser.driver().navigate().refresh(); // a bookmark of page 2 opens page 2
        awaitResultsOf(query + "&mode=bm25&page=2");
        assertTrue(browser.shown(By.cssSelector("input[name=mode][value=bm25]")).isSelected());
    }

    @Test
    void aPhoneGetsOneColumnWithoutSidewaysScrolling() throws Exception {
        try (var phone = new Browser(390, 844)) {
            phone.open(site.baseUrl() + "/?q=" + ApiIT.encode("non-punishment"));
            phone.shown(By.cssSelector("#hits > li.hit"));
            assertFalse(phone.all(By.id("filters")).get(0).isDisplayed(), "filters fold away on a phone");
            WebElement toggle = phone.shown(By.id("filters-toggle"));
            toggle.click();
            assertTrue(phone.shown(By.id("filters")).isDisplayed());
            assertEquals("true", toggle.getDomAttribute("aria-expanded"));
            long overflow = (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the phone");
            phone.screenshot("search-page-phone");
        }
    }

    @Test
    void aPagePastTheLastOpensTheLastAndAFailedSearchLeavesNoStaleResults() throws Exception {
        String query = "q=victims";
        JsonNode first = awaitResultsOfOpened("/?" + query + "&page=500");
        int last = (first.get("total").asInt() + 9) / 10;
        assertTrue(queryOfUrl().contains("page=" + last), browser.url());
        assertEquals(String.valueOf(last),
                browser.shown(By.cssSelector("#pager [aria-current=page]")).getText());
        // a search the API refuses (a query over 2,000 characters) shows its message, and not the hits before it
        browser.script("history.pushState(null, '', '?q=' + 'a'.repeat(2001)); dispatchEvent(new PopStateEvent('popstate'));");
        assertTrue(browser.shown(By.cssSelector("#messages .error")).getText().contains("at most 2000"));
        assertEquals(List.of(), shownIds());
        assertEquals("", browser.all(By.id("summary")).get(0).getText());
    }

    /** Opens a page of the search page and waits until it shows the hits the API has for its final URL. */
    static JsonNode awaitResultsOfOpened(String pathAndQuery) throws Exception {
        browser.open(site.baseUrl() + pathAndQuery);
        browser.await(d -> !shownIds().isEmpty());
        return awaitResultsOf(browser.url().substring(browser.url().indexOf('?') + 1));
    }

    @Test
    void anUnknownParagraphIsAPageWith404() throws Exception {
        HttpResponse<Void> head = ApiIT.HTTP.send(HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/p/" + BundledReports.WORKING_GROUP_2023 + "/para-999"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(404, head.statusCode(), "a link checker asking with HEAD sees the dead link");
        HttpResponse<String> response = ApiIT.HTTP.send(HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/p/" + BundledReports.WORKING_GROUP_2023 + "/para-999"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("no paragraph with id &#x27;" + BundledReports.WORKING_GROUP_2023 + "/para-999&#x27;"),
                response.body());
        browser.open(site.baseUrl() + "/no/such/page");
        assertEquals("Error 404", browser.shown(By.tagName("h1")).getText());
    }
}
