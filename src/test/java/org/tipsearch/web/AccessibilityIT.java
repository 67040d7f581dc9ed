package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.tipsearch.Browser;
import org.tipsearch.BundledReports;

/** Every page, once its content is in, meets WCAG 2.1 A and AA as axe-core checks it; the search works by keyboard. */
class AccessibilityIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/                                                     | #hits > li.hit",
        "/?q=non-punishment&session=13th+session+%282023%29      | #hits > li.hit",
        "/p/" + BundledReports.WORKING_GROUP_2023 + "/para-19  | #similar > li.hit",
        "/recommendations?status=proposed                      | #entries > tr",
        "/?q=zzzxqvw                                           | #messages .empty-advice",
        "/?q=victims&report=" + BundledReports.WORKING_GROUP_2023 + " | #chips .chip",
    })
    void meetsWcagAA(String path, String loaded) {
        assertEquals("", violations(path, loaded), path);
        assertEquals(List.of(), site.browser().consoleErrors(), path);
    }

    @Test
    void theErrorPageMeetsWcagAA() {
        assertEquals("", violations("/no/such/page", "h1"));
    }

    /** What axe-core finds wrong with the page once the element that tells its content is in is shown. */
    private static String violations(String path, String loaded) {
        site.open(path);
        site.browser().shown(By.cssSelector(loaded));
        return violations(site.browser());
    }

    /** What axe-core finds wrong with the page as it is now (its frames and shadow roots too), a line a rule. */
    static String violations(Browser browser) {
        List<Rule> violations = new AxeBuilder().withTags(WCAG_AA).analyze(browser.driver()).getViolations();
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aSearchCanBeMadeFilteredAndOpenedWithTheKeyboardAlone() {
        site.open("/");
        site.browser().shown(By.cssSelector("#hits > li.hit"));
        var keys = new Actions(site.browser().driver());
        // the skip link comes first, then the site's links; the search box is reachable by Tab
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("Skip to results", active().getText());
        tabUntil(element -> "q".equals(element.getDomAttribute("id")));
        keys.sendKeys("organ removal", Keys.ENTER).perform();
        site.browser().await(d -> d.getCurrentUrl().contains("q=organ+removal"));
        // Tab on to the first facet box, tick it with Space: focus stays on it after the results change
        tabUntil(element -> "checkbox".equals(element.getDomAttribute("type")));
        // read again if the new results replaced the facet boxes while the focused one was being read
        String key = site.browser().await(d -> active().getDomAttribute("data-key"));
        keys.sendKeys(Keys.SPACE).perform();
        site.browser().await(d -> d.getCurrentUrl().contains("session="));
        site.browser().await(d -> key.equals(active().getDomAttribute("data-key")) && active().isSelected());
        // on to the first result's link, and Enter opens its page
        tabUntil(element -> element.getAttribute("href") != null && element.getAttribute("href").contains("/p/"));
        String target = active().getAttribute("href");
        keys.sendKeys(Keys.ENTER).perform();
        site.browser().await(d -> d.getCurrentUrl().equals(target));
        assertTrue(site.browser().shown(By.id("title")).isDisplayed());
    }

    private static WebElement active() {
        return site.browser().driver().switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one wanted (at most 60 times). */
    private static void tabUntil(Predicate<WebElement> wanted) {
        var keys = new Actions(site.browser().driver());
        for (int i = 0; i < 60; i++) {
            // await only to read again when the page replaced the focused element while it was being read
            if (site.browser().await(d -> Optional.of(wanted.test(active()))).get()) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached the element; focus is on " + active().getTagName() + " "
                + active().getText());
    }
}
