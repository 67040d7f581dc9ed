package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.tipsearch.Browser;

/**
 * The widget, the iframe embed and the Embed page in a real browser: embedded by pages of another site (another
 * origin, served here), searching the built jar across origins.
 */
class WidgetIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();
    static Browser browser;
    static HttpServer otherSite;

    /** What a careless host page might have: it must not reach into the widget, nor may the widget undo it. */
    static final String HOSTILE_CSS = "body { color: rgb(255, 0, 0); font-family: serif; font-style: italic; "
            + "letter-spacing: 3px; text-transform: uppercase } "
            + "p, a, li { display: none !important } button { background: rgb(0, 255, 0) !important }";
    static final String LIGHT_TEXT = "rgb(27, 31, 36)";
    static final String LIGHT_ACCENT = "rgb(11, 87, 164)";
    /** The host's deliberate theming, through the custom property the widget offers for it. */
    static final String THEMED_ACCENT = "rgb(255, 214, 102)";

    @BeforeAll
    static void start() throws Exception {
        browser = site.browser();
        site.api("/api/search?q=victims&size=1"); // loads the embedding model before the browser waits for results
        otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        otherSite.createContext("/", WidgetIT::hostPage);
        otherSite.start();
    }

    @AfterAll
    static void stop() {
        otherSite.stop(0);
    }

    /** The pages of the other site: each embeds tipsearch the way the Embed page tells sites to. */
    private static void hostPage(HttpExchange exchange) throws IOException {
        String script = "<script src=\"" + site.baseUrl() + "/widget.js\" defer></script>";
        Map<String, String> bodies = Map.of(
                "/widget.html", script + """
                        <h1>A site that embeds the widget</h1><p id="host-text">Hidden by the host's own CSS</p>
                        <div class="narrow"><tipsearch-box id="open" placeholder="e.g. organ removal"></tipsearch-box></div>
                        <div class="wide"><tipsearch-box id="organ" query="victims" topic="organ-removal" size="6"
                          theme="dark"></tipsearch-box></div>""",
                "/failures.html", script + """
                        <tipsearch-box id="refused" server="%s" query="victims"></tipsearch-box>
                        <tipsearch-box id="refusing" query="%s"></tipsearch-box>""".formatted(closedPortUrl(), "a".repeat(2001)),
                "/phone.html", script + """
                        <h1>A site read on a phone</h1><p>Its own text, then the widget and the frame.</p>
                        <tipsearch-box id="phone" query="non-punishment"></tipsearch-box>
                        <iframe src="%1$s/embed?topic=non-punishment&amp;size=3" title="Search UN reports on trafficking in persons" width="100%%" height="480" loading="lazy"></iframe>
                        <script>addEventListener("message", (e) => { if (e.origin === "%1$s" && e.data && e.data.type === "tipsearch:height") for (const f of document.querySelectorAll("iframe"))
                          if (f.contentWindow === e.source) f.style.height = e.data.height + "px"; });</script>"""
                        .formatted(site.baseUrl()),
                "/narrow.html", script + """
                        <div style="width: 280px"><tipsearch-box id="narrow" query="victims"></tipsearch-box></div>
                        <div style="width: 600px"><tipsearch-box id="full" query="victims"></tipsearch-box></div>
                        <div style="width: 600px"><tipsearch-box id="compact" query="victims" layout="compact">
                          </tipsearch-box></div>""",
                "/iframe-sized.html", """
                        <h1>A site that pastes two frames, each with the snippet's two lines</h1>
                        <iframe id="three" src="%1$s/embed?topic=non-punishment&amp;size=3" title="Search UN reports on trafficking in persons" width="100%%" height="480" loading="lazy"></iframe>
                        <script>addEventListener("message", (e) => { if (e.origin === "%1$s" && e.data && e.data.type === "tipsearch:height") for (const f of document.querySelectorAll("iframe"))
                          if (f.contentWindow === e.source) f.style.height = e.data.height + "px"; });</script>
                        <iframe id="one" src="%1$s/embed?topic=organ-removal&amp;size=1" title="Search UN reports on trafficking in persons" width="100%%" height="480" loading="lazy"></iframe>
                        <script>addEventListener("message", (e) => { if (e.origin === "%1$s" && e.data && e.data.type === "tipsearch:height") for (const f of document.querySelectorAll("iframe"))
                          if (f.contentWindow === e.source) f.style.height = e.data.height + "px"; });</script>"""
                        .formatted(site.baseUrl()),
                "/iframe.html", """
                        <h1>A site that cannot run scripts</h1>
                        <iframe src="%s/embed?topic=non-punishment" title="Search UN reports on trafficking in persons"
                          width="100%%" height="480" loading="lazy"></iframe>""".formatted(site.baseUrl()));
        String body = bodies.get(exchange.getRequestURI().getPath());
        byte[] page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Another site</title>"
                + "<link rel=\"icon\" href=\"data:,\"><style>"
                + HOSTILE_CSS + " .narrow { width: 320px; float: left; margin-right: 1rem } .wide { overflow: hidden } "
                + "#organ { --tipsearch-accent: " + THEMED_ACCENT + " }"
                + "</style></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(body == null ? 404 : 200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    /** The other site: the same host as the server but another port, so another origin. */
    static String otherSiteUrl(String path) {
        return "http://" + otherSite.getAddress().getHostString() + ":" + otherSite.getAddress().getPort() + path;
    }

    /** An address where nothing listens. */
    static String closedPortUrl() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    static List<String> ids(JsonNode search) {
        var ids = new ArrayList<String>();
        search.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    /** The shadow root of the widget the locator finds, once the widget has been defined. */
    static SearchContext shadow(By widget) {
        WebElement box = browser.shown(widget);
        return browser.await(d -> Boolean.TRUE.equals(browser.script("return !!arguments[0].shadowRoot", box))
                ? box.getShadowRoot() : null);
    }

    /** The results a widget shows, once it shows the number it is expected to. */
    static List<WebElement> results(SearchContext root, int expected) {
        return browser.await(d -> {
            List<WebElement> hits = root.findElements(By.cssSelector("li[data-id]"));
            return hits.size() == expected ? hits : null;
        });
    }

    static List<String> resultIds(List<WebElement> hits) {
        return hits.stream().map(hit -> hit.getDomAttribute("data-id")).toList();
    }

    static String style(WebElement element, String property) {
        return (String) browser.script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                element, property);
    }

    @Test
    void theWidgetSearchesTheServerFromAnotherSiteUntouchedByItsCss() throws Exception {
        browser.open(otherSiteUrl("/widget.html"));
        SearchContext root = shadow(By.id("open"));
        WebElement input = root.findElement(By.cssSelector("input[type='search']"));
        assertEquals("e.g. organ removal", input.getDomProperty("placeholder"));
        WebElement label = root.findElement(By.cssSelector("label[for='q']"));
        assertEquals("Search UN reports on trafficking in persons", label.getText());
        assertTrue(root.findElements(By.cssSelector("li")).isEmpty(), "no query, no filter: nothing searched yet");

        input.sendKeys("victims", Keys.ENTER);
        List<WebElement> hits = results(root, 5);
        JsonNode expected = site.api("/api/search?q=victims&size=5");
        assertEquals(ids(expected), resultIds(hits));
        WebElement status = root.findElement(By.cssSelector("[role='status']"));
        int total = expected.get("total").asInt();
        int words = expected.get("wordMatches").asInt();
        assertEquals(total + " results for “victims”" + (words < total ? ": " + words + " with your words, "
                + (total - words) + " related in meaning" : ""), status.getText());
        for (int i = 0; i < hits.size(); i++) {
            boolean byMeaning = expected.get("hits").get(i).get("match").asText().equals("meaning");
            assertEquals(byMeaning, !hits.get(i).findElements(By.cssSelector(".meaning")).isEmpty(), resultIds(hits).get(i));
        }
        for (WebElement hit : hits) {
            String href = hit.findElement(By.cssSelector("a")).getDomProperty("href");
            assertTrue(href.startsWith(site.baseUrl() + "/p/"), href);
            assertFalse(hit.findElement(By.cssSelector("cite")).getText().isBlank());
        }
        assertTrue(root.findElements(By.cssSelector("li mark")).stream()
                .anyMatch(mark -> mark.getText().toLowerCase().startsWith("victim")), "the matches are marked");
        String firstId = ids(expected).getFirst();
        assertEquals(site.baseUrl() + "/p/" + firstId, hits.getFirst().findElement(By.cssSelector("a")).getDomProperty("href"));
        assertEquals(200, ApiIT.HTTP.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/p/" + firstId)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the result links to its paragraph's page");
        assertEquals(site.baseUrl() + "/?q=victims", root.findElement(By.cssSelector(".more a")).getDomProperty("href"));

        // The host's CSS applies to the host's elements, and none of it inside the widget.
        assertEquals("none", style(browser.driver().findElement(By.id("host-text")), "display"));
        assertEquals("rgb(255, 0, 0)", style(browser.driver().findElement(By.tagName("h1")), "color"));
        WebElement text = hits.getFirst().findElement(By.cssSelector(".text"));
        assertEquals(LIGHT_TEXT, style(text, "color"));
        assertFalse(style(text, "font-family").startsWith("serif"), style(text, "font-family"));
        assertEquals("normal", style(text, "font-style"));
        assertEquals("normal", style(text, "letter-spacing"));
        assertEquals("none", style(text, "text-transform"));
        assertEquals("list-item", style(hits.getFirst(), "display"));
        assertEquals("block", style(text, "display"));
        assertEquals(LIGHT_ACCENT, style(root.findElement(By.cssSelector("button")), "background-color"));

        // Typed and submitted with the keyboard, the field shows its focus; it fits the 320px column.
        assertEquals("solid", style(input, "outline-style"));
        WebElement box = root.findElement(By.cssSelector(".box"));
        Number width = (Number) browser.script("return arguments[0].getBoundingClientRect().width", box);
        assertEquals(320.0, width.doubleValue(), 0.5);
        assertEquals(Boolean.TRUE, browser.script("return arguments[0].scrollWidth <= arguments[0].clientWidth", box),
                "nothing sticks out of the narrow column");

        results(shadow(By.id("organ")), 6);
        browser.screenshot("widget");
        assertEquals("", AccessibilityIT.violations(browser), "both themes meet WCAG AA, contrast included");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aPresetTopicNarrowsTheResults() throws Exception {
        browser.open(otherSiteUrl("/widget.html"));
        SearchContext root = shadow(By.id("organ"));
        List<String> shown = resultIds(results(root, 6));
        JsonNode filtered = site.api("/api/search?q=victims&topic=organ-removal&size=6");
        assertEquals(ids(filtered), shown);
        assertTrue(site.api("/api/search?q=victims&size=1").get("total").asInt() > filtered.get("total").asInt());
        for (String id : shown) {
            JsonNode topics = site.api("/api/paragraphs/" + id).get("topics");
            assertTrue(topics.toString().contains("\"organ-removal\""), id + " " + topics);
        }
        assertEquals("Searching only: Topic: Trafficking for organ removal",
                root.findElement(By.cssSelector(".scope")).getText());
        assertEquals(site.baseUrl() + "/?q=victims&topic=organ-removal",
                root.findElement(By.cssSelector(".more a")).getDomProperty("href"));
        assertEquals("See all " + filtered.get("total").asInt() + " results",
                root.findElement(By.cssSelector(".more a")).getText());
        // the dark theme's own colours, whatever the host's CSS says, but the accent the host chose for it
        assertEquals("rgb(232, 235, 238)", style(root.findElement(By.cssSelector(".text")), "color"));
        assertEquals(THEMED_ACCENT, style(root.findElement(By.cssSelector("a")), "color"));
        assertEquals(THEMED_ACCENT, style(root.findElement(By.cssSelector("button")), "background-color"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void failuresAreMessagesInTheWidgetNotErrorsInTheHostPage() {
        browser.open(otherSiteUrl("/failures.html"));
        WebElement refused = shadow(By.id("refused")).findElement(By.cssSelector("[role='status']"));
        browser.await(d -> refused.getText().contains("could not be reached"));
        WebElement refusing = shadow(By.id("refusing")).findElement(By.cssSelector("[role='status']"));
        browser.await(d -> refusing.getText().startsWith("The search failed: "));
        assertEquals("The search failed: q is 2001 characters long; at most 2000 are allowed.", refusing.getText());
        // The browser logs the two failed requests themselves, and nothing the widget threw.
        List<String> errors = browser.consoleErrors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().noneMatch(error -> error.contains("Uncaught")), errors.toString());
    }

    @Test
    void theIframeEmbedShowsResultsInsideAnotherSite() throws Exception {
        browser.open(otherSiteUrl("/iframe.html"));
        browser.driver().switchTo().frame(browser.shown(By.tagName("iframe")));
        try {
            List<WebElement> hits = results(shadow(By.tagName("tipsearch-box")), 5);
            assertEquals(ids(site.api("/api/search?topic=non-punishment&size=5")), resultIds(hits));
            for (WebElement hit : hits) {
                WebElement link = hit.findElement(By.cssSelector("a"));
                assertTrue(link.getDomProperty("href").startsWith(site.baseUrl() + "/p/"));
                assertEquals("_blank", link.getDomAttribute("target"), "links open outside the frame");
                assertEquals("noopener", link.getDomAttribute("rel"));
            }
        } finally {
            browser.driver().switchTo().defaultContent();
        }
        browser.screenshot("embed");
        assertEquals("", AccessibilityIT.violations(browser));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theEmbedPageFillsBothSnippetsWithTheSearch() throws Exception {
        site.open("/embed-code?q=organ&topic=organ-removal");
        WebElement script = browser.shown(By.id("script-snippet"));
        WebElement iframe = browser.shown(By.id("iframe-snippet"));
        browser.await(d -> !script.getText().isEmpty());
        assertEquals("<script src=\"" + site.baseUrl() + "/widget.js\" defer></script>\n"
                + "<tipsearch-box query=\"organ\" topic=\"organ-removal\"></tipsearch-box>", script.getText());
        assertEquals("<iframe src=\"" + site.baseUrl() + "/embed?q=organ&amp;topic=organ-removal\" "
                + "title=\"Search UN reports on trafficking in persons\" width=\"100%\" height=\"480\" loading=\"lazy\"></iframe>\n"
                + "<script>addEventListener(\"message\", (e) => { if (e.origin === \"" + site.baseUrl() + "\" && e.data && "
                + "e.data.type === \"tipsearch:height\") for (const f of document.querySelectorAll(\"iframe\"))\n  "
                + "if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\"; });</script>", iframe.getText());
        assertEquals("Embed", browser.shown(By.cssSelector(".site-nav [aria-current='page']")).getText());
        assertEquals(2, browser.all(By.cssSelector(".snippet button")).size(), "a copy button for each snippet");

        // Both previews show the search: the widget in the page, the embed in its frame.
        SearchContext preview = shadow(By.cssSelector("#script-preview tipsearch-box"));
        List<String> expected = ids(site.api("/api/search?q=organ&topic=organ-removal&size=5"));
        assertEquals(expected, resultIds(results(preview, 5)));
        WebElement frame = browser.shown(By.cssSelector("#iframe-preview iframe"));
        assertEquals(site.baseUrl() + "/embed?q=organ&topic=organ-removal", frame.getDomProperty("src"));
        browser.driver().switchTo().frame(frame);
        try {
            assertEquals(expected, resultIds(results(shadow(By.tagName("tipsearch-box")), 5)));
        } finally {
            browser.driver().switchTo().defaultContent();
        }
        browser.screenshot("embed-code");
        assertEquals("", AccessibilityIT.violations(browser));
        // a snippet wraps between words: a word is cut only where it is longer than a line
        String cut = (String) browser.script("""
                const cut = [];
                for (const code of document.querySelectorAll('#script-snippet, #iframe-snippet')) {
                  const text = code.firstChild.textContent;
                  const range = document.createRange();
                  let top = null;
                  for (let i = 0; i < text.length; i++) {
                    range.setStart(code.firstChild, i); range.setEnd(code.firstChild, i + 1);
                    const rect = range.getClientRects()[0];
                    if (!rect) continue;
                    if (top !== null && rect.top > top + 2 && /\\S/.test(text[i - 1]) && /\\S/.test(text[i])) {
                      const word = text.slice(0, i).split(/\\s/).pop() + text.slice(i).split(/\\s/)[0];
                      if (word.length < 40) cut.push(word);
                    }
                    top = rect.top;
                  }
                }
                return cut.join(' | ');""");
        assertEquals("", cut, "words cut at the end of a line");

        // The options change both snippets and both previews.
        browser.shown(By.cssSelector("input[name='theme'][value='dark']")).click();
        WebElement size = browser.shown(By.id("size"));
        size.clear();
        size.sendKeys("3", Keys.TAB);
        browser.await(d -> script.getText().contains("size=\"3\""));
        assertTrue(script.getText().endsWith(
                "<tipsearch-box query=\"organ\" size=\"3\" theme=\"dark\" topic=\"organ-removal\"></tipsearch-box>"),
                script.getText());
        assertTrue(iframe.getText().contains("/embed?q=organ&amp;topic=organ-removal&amp;size=3&amp;theme=dark\""),
                iframe.getText());
        assertEquals(expected.subList(0, 3), resultIds(results(preview, 3)));
        assertEquals("dark", browser.shown(By.cssSelector("#script-preview tipsearch-box")).getDomAttribute("theme"));
        assertTrue(frame.getDomProperty("src").endsWith("&size=3&theme=dark"), frame.getDomProperty("src"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theWidgetFitsANarrowColumnAndItsCompactLayoutIsShort() throws Exception {
        browser.open(otherSiteUrl("/narrow.html"));
        results(shadow(By.id("narrow")), 5);
        results(shadow(By.id("full")), 5);
        results(shadow(By.id("compact")), 5);
        WebElement narrow = browser.shown(By.id("narrow"));
        Long overflow = (Long) browser.script("const box = arguments[0].shadowRoot.querySelector('.box');"
                + " return box.scrollWidth - box.clientWidth;", narrow);
        assertEquals(0L, overflow, "the widget is wider than its 280 px column");
        assertTrue(narrow.getRect().getWidth() <= 280, "width " + narrow.getRect().getWidth());
        long full = browser.shown(By.id("full")).getRect().getHeight();
        long compact = browser.shown(By.id("compact")).getRect().getHeight();
        assertTrue(compact < 0.8 * full, "compact " + compact + " px against full " + full + " px");
        assertEquals("none", browser.script("return getComputedStyle(arguments[0].shadowRoot.querySelector('.session'))"
                + ".display", browser.shown(By.id("compact"))), "the compact layout leaves the session out");
        browser.screenshot("widget-narrow-and-compact");
    }

    /** A host page read on a phone (390 × 844): the widget and the frame fit its width, the frame its content. */
    @Test
    void theWidgetAndTheFrameFitAPhone() throws Exception {
        try (var phone = new Browser(390, 844)) {
            phone.open(otherSiteUrl("/phone.html"));
            WebElement box = phone.shown(By.id("phone"));
            phone.await(d -> Boolean.TRUE.equals(phone.script(
                    "return !!arguments[0].shadowRoot && arguments[0].shadowRoot.querySelectorAll('li[data-id]').length === 5",
                    box)));
            long overflow = (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, "the host page is " + overflow + " px wider than the phone");
            assertTrue(box.getRect().getWidth() <= 390, "the widget is " + box.getRect().getWidth() + " px wide");
            WebElement frame = phone.shown(By.tagName("iframe"));
            // the frame loads lazily, when the reader scrolls near it: how far below the fold it may sit before it
            // loads is the browser's choice, so the reader scrolls to it
            phone.script("arguments[0].scrollIntoView()", frame);
            phone.await(d -> Math.abs(frame.getRect().getHeight() - 480) > 20 ? true : null); // sized by its message
            assertTrue(frame.getRect().getWidth() <= 390, "the frame is " + frame.getRect().getWidth() + " px wide");
            phone.screenshot("widget-phone-host");
            assertEquals("", AccessibilityIT.violations(phone));
        }
    }

    @Test
    void theFrameSizesItselfToItsResultsWithTheSnippetsTwoLines() throws Exception {
        browser.open(otherSiteUrl("/iframe-sized.html"));
        // each frame grows or shrinks to its own content: no scrolling inside it, no empty space under it (the
        // frame's border and a rounding aside), whichever frame spoke last
        long three = frameSizedToItsContent(By.id("three"), 3);
        long one = frameSizedToItsContent(By.id("one"), 1);
        assertTrue(Math.abs(three - one) > 20, "two frames of different contents should differ in height");
        browser.screenshot("embed-sized");
    }

    private static long frameSizedToItsContent(By frameLocator, int hits) {
        WebElement frame = browser.shown(frameLocator);
        browser.driver().switchTo().frame(frame);
        long content;
        try {
            results(shadow(By.tagName("tipsearch-box")), hits);
            content = browser.await(d -> {
                Number height = (Number) browser.script("return document.getElementById('embed').getBoundingClientRect().height");
                return height.longValue() > 0 ? height.longValue() : null;
            });
        } finally {
            browser.driver().switchTo().defaultContent();
        }
        assertTrue(Math.abs(content - 480) > 20, "the results happen to need the 480 px the frame starts with");
        browser.await(d -> Math.abs(frame.getRect().getHeight() - content) <= 8 ? true : null);
        return content;
    }

    @Test
    void theWidgetScriptIsSmallAndServedAsJavaScript() throws Exception {
        HttpResponse<byte[]> response = ApiIT.HTTP.send(
                HttpRequest.newBuilder(URI.create(site.baseUrl() + "/widget.js")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(response.body().length < 30 * 1024, response.body().length + " bytes");
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("customElements.define"));
    }
}
