package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tipsearch.Browser;

/**
 * The search page's states, designed as such, in a real headless chromium: a search under way, nothing found, an
 * error, and the filters and pages around them. Each state is photographed under {@code target/screenshots/}.
 */
class PageStatesIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();
    static Browser browser;

    @BeforeAll
    static void browser() {
        browser = site.browser();
    }

    /** Delays the page's requests to the API, as a slow line would, so that its waiting state can be seen. */
    private static void slowNetwork(int millis) {
        browser.script("const real = window.fetch; window.fetch = (...args) => new Promise((done) => "
                + "setTimeout(() => done(real(...args)), arguments[0]));", millis);
    }

    /** Waits until the page shows the API's first page for the query string. */
    private static JsonNode awaitResultsOf(String query) throws Exception {
        JsonNode expected = site.api("/api/search?" + query + (query.isEmpty() ? "" : "&") + "size=10");
        List<String> ids = SearchPageIT.apiIds(expected);
        browser.await(d -> browser.all(By.cssSelector("#hits > li.hit")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList().equals(ids));
        return expected;
    }

    private static void search(String words) {
        WebElement box = browser.shown(By.id("q"));
        box.clear();
        box.sendKeys(words);
        browser.shown(By.cssSelector("#search-form button[type=submit]")).click();
    }

    @Test
    void aSearchUnderWayIsShownAsSuchAndItsAnswerReplacesIt() throws Exception {
        browser.open(site.baseUrl() + "/?q=victims");
        awaitResultsOf("q=victims");
        assertFalse(browser.all(By.id("results")).get(0).getDomAttribute("aria-busy") != null, "busy before a search");
        slowNetwork(1500);
        search("organ removal");
        assertEquals("true", browser.shown(By.id("results")).getDomAttribute("aria-busy"));
        assertEquals("Searching…", browser.shown(By.cssSelector("#messages .loading")).getText());
        browser.screenshot("state-searching");
        awaitResultsOf("q=" + ApiIT.encode("organ removal"));
        browser.await(d -> d.findElement(By.id("results")).getDomAttribute("aria-busy") == null);
        assertTrue(browser.all(By.cssSelector("#messages .loading")).isEmpty());
    }

    @Test
    void nothingFoundSaysWhatToTryAndOffersNoDownload() throws Exception {
        browser.open(site.baseUrl() + "/?q=zzzxqvw&mode=bm25&topic=organ-removal");
        WebElement advice = browser.shown(By.cssSelector("#messages .empty-advice"));
        assertTrue(browser.shown(By.id("summary")).getText().startsWith("0 paragraphs match"));
        assertFalse(browser.all(By.id("exports")).get(0).isDisplayed(), "a download of nothing is offered");
        // the ticked filter stays in the filter column, to be unticked there
        WebElement ticked = browser.all(By.cssSelector(".facet[data-dim='topic'] input[value='organ-removal']")).get(0);
        assertTrue(ticked.isSelected());
        List<String> actions = advice.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("clear all filters", "match words and meaning"), actions);
        browser.screenshot("state-nothing-found");
        advice.findElement(By.xpath(".//button[text()='clear all filters']")).click();
        browser.await(d -> !d.getCurrentUrl().contains("topic="));
        browser.shown(By.cssSelector("#messages .empty-advice button")).click(); // words and meaning
        browser.await(d -> !d.getCurrentUrl().contains("mode=bm25"));
        assertTrue(browser.shown(By.cssSelector("input[name=mode][value=hybrid]")).isSelected());
    }

    @Test
    void theCountTellsWordsFromMeaningAndSoDoTheHits() throws Exception {
        browser.open(site.baseUrl() + "/?q=non-punishment&size=10");
        JsonNode results = awaitResultsOf("q=non-punishment");
        long words = results.get("wordMatches").asLong();
        long meaning = results.get("total").asLong() - words;
        assertEquals(results.get("total") + " paragraphs match “non-punishment”: " + words + " contain your words, "
                + meaning + " are related in meaning", browser.shown(By.id("summary")).getText());
        List<String> matches = browser.all(By.cssSelector("#hits > li.hit")).stream()
                .map(hit -> hit.getDomAttribute("data-match")).toList();
        assertTrue(matches.contains("words") && matches.contains("meaning"), "the first page: " + matches);
        for (WebElement hit : browser.all(By.cssSelector("#hits > li.hit"))) {
            boolean badge = !hit.findElements(By.cssSelector(".match-meaning")).isEmpty();
            assertEquals("meaning".equals(hit.getDomAttribute("data-match")), badge, hit.getDomAttribute("data-id"));
        }
        // the chart splits each session's bar: the paragraphs with the words, and those related in meaning only
        assertTrue(browser.shown(By.cssSelector("#timeline .legend")).getText().contains("contain your words"));
        for (JsonNode session : results.get("facets").get("session")) {
            int count = session.get("count").asInt();
            int held = session.get("wordMatches").asInt();
            WebElement bar = browser.shown(By.cssSelector("#timeline .bar[data-session='" + session.get("value").asText()
                    + "']"));
            assertTrue(bar.getDomAttribute("aria-label").contains(": " + count + " matching paragraph"
                    + (count == 1 ? "" : "s") + " (" + held + " contain" + (held == 1 ? "s" : "")
                    + " your words, " + (count - held) + " related in meaning)"), bar.getDomAttribute("aria-label"));
            double filled = Double.parseDouble(bar.findElement(By.cssSelector("rect.words")).getDomAttribute("height"));
            double related = Double.parseDouble(bar.findElement(By.cssSelector("rect.meaning")).getDomAttribute("height"));
            assertEquals((double) held / count, filled / (filled + related), 0.01, session.toString());
        }
        browser.screenshot("state-words-and-meaning");
        // a search by words alone has nothing to split
        browser.open(site.baseUrl() + "/?q=non-punishment&mode=bm25");
        awaitResultsOf("q=non-punishment&mode=bm25");
        browser.shown(By.cssSelector("#timeline .bar"));
        assertFalse(browser.all(By.cssSelector("#timeline .legend")).get(0).isDisplayed());
    }

    @Test
    void anErrorIsToldInPlainWordsAndLeavesNoStaleResults() throws Exception {
        browser.open(site.baseUrl() + "/?q=victims");
        awaitResultsOf("q=victims");
        browser.script("window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
        search("child soldiers");
        WebElement error = browser.shown(By.cssSelector("#messages .error"));
        assertEquals("The search service could not be reached. Check your connection, then try again.", error.getText());
        assertTrue(browser.all(By.cssSelector("#hits > li")).isEmpty(), "the results of the search before stay");
        assertFalse(browser.all(By.id("exports")).get(0).isDisplayed());
        browser.screenshot("state-error");
    }

    @Test
    void aTickedValueStaysFirstAndThePagerReachesTheLastPage() throws Exception {
        browser.open(site.baseUrl() + "/?q=victims");
        JsonNode results = awaitResultsOf("q=victims");
        List<String> topics = SearchPageIT.apiFacet(results, "topic").keySet().stream().toList();
        String third = topics.get(2);
        browser.shown(By.cssSelector(".facet[data-dim='topic'] input[value='" + third + "']")).click();
        awaitResultsOf("q=victims&topic=" + third);
        List<WebElement> boxes = browser.all(By.cssSelector(".facet[data-dim='topic'] input[type=checkbox]"));
        assertEquals(third, boxes.get(0).getDomAttribute("value"), "the ticked value heads its list");
        browser.open(site.baseUrl() + "/"); // every unit, in report order
        JsonNode all = awaitResultsOf("");
        int pages = (all.get("total").asInt() + 9) / 10;
        assertTrue(pages > 6, "too few pages to show a gap: " + pages);
        WebElement last = browser.shown(By.cssSelector("#pager a[aria-label='Last page, " + pages + "']"));
        last.click();
        awaitResultsOf("page=" + pages);
    }
}
