package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.tipsearch.Browser;

/** The recommendations browser in a real headless chromium: the filterable register and the precedent finder. */
class RecommendationsPageIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();
    static Browser browser;

    @BeforeAll
    static void browser() {
        browser = site.browser();
    }

    static List<String> shownEntries() {
        return browser.all(By.cssSelector("#entries > tr")).stream().map(tr -> tr.getDomAttribute("data-id")).toList();
    }

    @Test
    void theRegisterFiltersBySessionStatusAndTextAndLinksEachEntryToItsParagraph() throws Exception {
        browser.open(site.baseUrl() + "/recommendations");
        JsonNode all = site.api("/api/recommendations?size=20");
        browser.await(d -> shownEntries().equals(ApiIT.texts(all.get("hits"), "id")));

        browser.shown(By.cssSelector(".facet[data-dim='status'] input[value='proposed']")).click();
        JsonNode proposed = site.api("/api/recommendations?size=20&status=proposed");
        browser.await(d -> shownEntries().equals(ApiIT.texts(proposed.get("hits"), "id")));
        assertEquals(10, proposed.get("total").asInt(), "the 2023 report's annex proposes ten");
        browser.all(By.cssSelector("#entries td[data-label=Status]")).forEach(td -> assertEquals("Proposed by the Co-Chairs, not agreed", td.getText()));
        assertTrue(browser.url().contains("status=proposed"), browser.url());

        browser.shown(By.id("register-q")).sendKeys("organ", Keys.ENTER);
        JsonNode organ = site.api("/api/recommendations?size=20&status=proposed&q=organ");
        browser.await(d -> shownEntries().equals(ApiIT.texts(organ.get("hits"), "id")));
        assertTrue(organ.get("total").asInt() > 0);
        assertTrue(browser.all(By.cssSelector("#entries td[data-label=Text] mark")).size() > 0, "the matches are marked");
        browser.screenshot("recommendations");

        String paragraphId = organ.get("hits").get(0).get("paragraphId").asText();
        browser.shown(By.cssSelector("#entries > tr td[data-label=Entry] a")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/p/" + paragraphId));
        browser.driver().navigate().back();
        browser.await(d -> shownEntries().equals(ApiIT.texts(organ.get("hits"), "id")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void thePrecedentFinderShowsTheClosestPriorWording() throws Exception {
        String draft = "States should ensure that victims are not punished for offences they were forced to commit.";
        browser.open(site.baseUrl() + "/recommendations");
        browser.shown(By.id("draft")).sendKeys(draft);
        browser.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        JsonNode expected = similar(draft);
        List<String> ids = ApiIT.texts(expected.get("hits"), "id");
        browser.await(d -> ids.equals(d.findElements(By.cssSelector("#precedents > li.hit")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList()));
        assertTrue(browser.shown(By.id("precedents-status")).getText().startsWith("The 8 closest"));
        // each answer says how close it is, in the API's band
        List<String> bands = browser.all(By.cssSelector("#precedents > li.hit .closeness")).stream()
                .map(WebElement::getText).toList();
        assertEquals(ApiIT.texts(expected.get("hits"), "closeness").stream().map(b -> b.replace('-', ' ')).toList(), bands);
        browser.screenshot("precedents");

        // side by side: the draft beside the first precedent's whole text, its wording closest in meaning marked
        WebElement first = browser.shown(By.cssSelector("#precedents > li.hit"));
        first.findElement(By.cssSelector("details.compare > summary")).click();
        List<WebElement> sides = first.findElements(By.cssSelector(".side-by-side > section"));
        assertEquals(2, sides.size());
        assertTrue(sides.get(0).getText().contains(draft), sides.get(0).getText());
        JsonNode precedent = expected.get("hits").get(0);
        String whole = sides.get(1).findElement(By.tagName("p")).getText();
        assertEquals(precedent.get("text").asText().replaceAll("\\s+", " ").strip(), whole.replaceAll("\\s+", " ").strip());
        String marked = sides.get(1).findElement(By.tagName("mark")).getText();
        assertTrue(precedent.get("highlight").asText().contains("<mark>"), precedent.toString());
        assertTrue(marked.split("\\s+").length >= 4 && whole.contains(marked), marked);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", first.findElement(By.cssSelector(".side-by-side")));
        browser.screenshot("precedents-side-by-side");

        // a draft the reports say nothing of: nothing close, the nearest shown for what it is worth
        browser.shown(By.id("draft")).clear();
        browser.shown(By.id("draft")).sendKeys("Recipe for a chocolate cake with cream and strawberries, baked for forty minutes.");
        browser.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        browser.await(d -> d.findElement(By.id("precedents-status")).getText().startsWith("Nothing close to the draft"));
        browser.shown(By.id("draft")).clear();
        browser.shown(By.id("draft")).sendKeys(draft);
        assertTrue(expected.get("hits").findValues("kind").stream().map(JsonNode::asText).distinct().count() > 1,
                "precedents of every kind by default: " + expected);

        // The other scope: the register's units (adopted, proposed, observations, stakeholders' points).
        browser.shown(By.cssSelector("input[name=among][value=register]")).click();
        browser.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        JsonNode inRegister = similar(draft, "adopted", "proposed", "observation", "stakeholder");
        List<String> registerIds = ApiIT.texts(inRegister.get("hits"), "id");
        assertNotEquals(ids, registerIds);
        browser.await(d -> registerIds.equals(d.findElements(By.cssSelector("#precedents > li.hit")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList()));
        inRegister.get("hits").forEach(hit -> assertTrue(
                List.of("adopted", "proposed", "observation", "stakeholder").contains(hit.get("status").asText()), hit.toString()));

        // The register narrowed by status: stakeholders' points only, as the API gives them.
        for (String other : List.of("adopted", "proposed", "observation")) {
            browser.shown(By.cssSelector("#precedent-statuses input[value=" + other + "]")).click();
        }
        browser.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        JsonNode points = similar(draft, "stakeholder");
        List<String> pointIds = ApiIT.texts(points.get("hits"), "id");
        assertFalse(pointIds.isEmpty());
        assertNotEquals(registerIds, pointIds);
        browser.await(d -> pointIds.equals(d.findElements(By.cssSelector("#precedents > li.hit")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList()));
        points.get("hits").forEach(hit -> assertEquals("stakeholder", hit.get("status").asText(), hit.toString()));
        browser.screenshot("precedents-stakeholders");
        // none ticked: the page says what to do rather than look among nothing
        browser.shown(By.cssSelector("#precedent-statuses input[value=stakeholder]")).click();
        browser.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        browser.await(d -> d.findElement(By.id("precedents-status")).getText().startsWith("Tick at least one"));
        // adopted recommendations alone: the closest of them is farther than the closest wording of all units, and
        // the page says so, with a way to look among all paragraphs
        browser.shown(By.cssSelector("#precedent-statuses input[value=adopted]")).click();
        browser.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        JsonNode adopted = similar(draft, "adopted");
        List<String> bandsOrder = List.of("very-close", "close", "related", "distant");
        String bestAdopted = adopted.get("hits").get(0).get("closeness").asText();
        String bestOfAll = expected.get("hits").get(0).get("closeness").asText();
        assertTrue(bandsOrder.indexOf(bestOfAll) < bandsOrder.indexOf(bestAdopted), bestOfAll + " / " + bestAdopted);
        WebElement elsewhere = browser.shown(By.cssSelector("#precedents-status .elsewhere"));
        assertTrue(elsewhere.getText().startsWith("Closer wording (" + bestOfAll.replace('-', ' ') + ") stands outside"),
                elsewhere.getText());
        browser.screenshot("precedents-closer-elsewhere");
        elsewhere.findElement(By.tagName("button")).click();
        browser.await(d -> ids.equals(d.findElements(By.cssSelector("#precedents > li.hit")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList()));
        assertTrue(browser.shown(By.cssSelector("input[name=among][value='']")).isSelected());
        assertTrue(browser.all(By.cssSelector("#precedents-status .elsewhere")).isEmpty());
        // the statuses mean nothing for all paragraphs, and say so by being off
        assertEquals("true", browser.shown(By.id("precedent-statuses")).getDomProperty("disabled"));
        assertFalse(browser.shown(By.cssSelector("#precedent-statuses input[value=adopted]")).isEnabled());
    }

    /** The API's 8 closest units to the draft, among register entries of these statuses if any are given. */
    private static JsonNode similar(String draft, String... statuses) throws Exception {
        var body = ApiIT.JSON.createObjectNode().put("text", draft).put("size", 8);
        if (statuses.length > 0) {
            var status = body.putArray("status");
            for (String s : statuses) {
                status.add(s);
            }
        }
        return site.api(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/api/similar"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiIT.JSON.writeValueAsString(body))));
    }
}
