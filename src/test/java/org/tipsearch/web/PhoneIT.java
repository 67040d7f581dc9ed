package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tipsearch.Browser;
import org.tipsearch.BundledReports;

/**
 * The pages on a phone (390 × 844): a paragraph, the states of a search, the chart, the precedent finder. Each
 * fits the phone's width without sideways scrolling, meets WCAG AA as axe-core checks it, and leaves a screenshot.
 */
class PhoneIT {

    @RegisterExtension
    static final ServedPages site = new ServedPages();
    static Browser phone;

    @BeforeAll
    static void phone() throws IOException {
        phone = new Browser(390, 844);
    }

    @AfterAll
    static void close() throws IOException {
        phone.close();
    }

    /** How many pixels the page is wider than the phone. */
    private static long overflow() {
        return (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    private static void fitsAndMeetsWcag(String screenshot) throws IOException {
        assertTrue(overflow() <= 0, screenshot + ": the page is " + overflow() + " px wider than the phone");
        assertEquals("", AccessibilityIT.violations(phone), screenshot);
        phone.screenshot(screenshot);
        assertEquals(List.of(), phone.consoleErrors(), screenshot);
    }

    @Test
    void aParagraphsPageFitsAndNamesItsReportBriefly() throws IOException {
        phone.open(site.baseUrl() + "/p/" + BundledReports.WORKING_GROUP_2023 + "/para-19");
        phone.shown(By.cssSelector("#unit .text"));
        phone.shown(By.cssSelector("#similar > li.hit"));
        WebElement crumbs = phone.shown(By.id("breadcrumbs"));
        assertTrue(crumbs.getRect().getHeight() < 120, "the breadcrumbs take " + crumbs.getRect().getHeight() + " px");
        fitsAndMeetsWcag("paragraph-page-phone");
    }

    @Test
    void theStatesOfASearchFit() throws IOException {
        phone.open(site.baseUrl() + "/?q=zzzxqvw");
        WebElement advice = phone.shown(By.cssSelector("#messages .empty-advice"));
        assertTrue(advice.getText().startsWith("No paragraph matches."), advice.getText());
        fitsAndMeetsWcag("state-nothing-found-phone");

        phone.open(site.baseUrl() + "/?q=" + ApiIT.encode("non-punishment"));
        phone.shown(By.cssSelector("#hits > li.hit"));
        WebElement chart = phone.shown(By.cssSelector("#timeline svg"));
        assertTrue(chart.getRect().getWidth() <= 390, "the chart is " + chart.getRect().getWidth() + " px wide");
        phone.shown(By.cssSelector("#timeline .legend"));
        fitsAndMeetsWcag("state-words-and-meaning-phone");

        phone.open(site.baseUrl() + "/?q=" + ApiIT.encode("\"unbalanced"));
        WebElement notice = phone.shown(By.cssSelector("#messages .notice"));
        assertTrue(notice.getText().contains("a quotation mark is not closed"), notice.getText());
        fitsAndMeetsWcag("state-syntax-notice-phone");
    }

    @Test
    void thePrecedentFinderFits() throws IOException {
        phone.open(site.baseUrl() + "/recommendations");
        phone.shown(By.id("draft")).sendKeys(
                "States should ensure that victims are not punished for offences they were forced to commit.");
        phone.shown(By.cssSelector("#precedents-form button[type=submit]")).click();
        phone.shown(By.cssSelector("#precedents > li.hit .closeness"));
        assertTrue(phone.shown(By.id("precedents-status")).getText().startsWith("The "));
        fitsAndMeetsWcag("precedents-phone");
    }
}
