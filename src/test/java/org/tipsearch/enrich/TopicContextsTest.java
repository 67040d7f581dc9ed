package org.tipsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.ingest.Unit;

/**
 * Words as general as "children", "mining" or "not prosecuted" mark a trafficking topic only in a report or a unit
 * about trafficking in persons, and "country reviews" the review mechanism only under the Organized Crime
 * Convention (the taxonomy's contexts), on layout fixtures of other bodies' reports.
 */
class TopicContextsTest {

    private static final Path LAYOUTS = Path.of("src", "test", "resources", "layouts");
    private static AnnotatedReport firearms;
    private static AnnotatedReport corruption;
    private static AnnotatedReport trafficking;

    @BeforeAll
    static void annotate() throws Exception {
        var reader = new ReportReader();
        var enricher = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames());
        firearms = enricher.annotate(reader.read(LAYOUTS.resolve("layout-26-wg6-azure-di-markdown.txt")));
        corruption = enricher.annotate(reader.read(LAYOUTS.resolve("layout-25-cosp-docling-markdown.txt")));
        trafficking = enricher.annotate(reader.read(LAYOUTS.resolve("layout-24-wg4-pdfjs-copy-no-blank-lines.txt")));
    }

    private static List<String> topicsOf(AnnotatedReport report, String words) {
        List<Unit> holding = report.report().units().stream().filter(u -> u.text().contains(words)).toList();
        assertEquals(1, holding.size(), words);
        return report.annotationsOf(holding.get(0)).topics();
    }

    @Test
    void aFirearmsReportsChildrenAreNoChildTrafficking() {
        assertEquals("Working Group on Firearms", firearms.report().metadata().body());
        List<String> minors = topicsOf(firearms, "several of whom were");
        assertFalse(minors.contains("child-trafficking"), minors.toString());
        assertTrue(minors.contains("technology"), minors.toString());
    }

    @Test
    void aUnitNamingTraffickingInPersonsTakesItsTopicsInAnyReport() {
        List<String> victims = topicsOf(firearms, "used by traffickers to control victims");
        assertTrue(victims.containsAll(List.of("labour-exploitation", "sexual-exploitation")), victims.toString());
        // "children" in the panel's opening sentence before it does not pass on child trafficking
        assertFalse(victims.contains("child-trafficking"), victims.toString());
    }

    @Test
    void aCorruptionReportsWordsAreReadAsItsOwn() {
        List<String> reporting = topicsOf(corruption, "are not prosecuted for bribery");
        assertFalse(reporting.contains("non-punishment"), reporting.toString());
        List<String> reviews = topicsOf(corruption, "gender-related questions in the country reviews");
        assertFalse(reviews.contains("review-mechanism"), reviews.toString());
    }

    /** The same paragraph in a report of the Working Group on Trafficking in Persons and in one on Firearms. */
    @Test
    void theSameWordsMarkATraffickingTopicOnlyInAReportOnTrafficking() throws Exception {
        String paragraph = "Several speakers stressed the risks faced by minors living in remote mining areas.";
        List<String> inTrafficking = topicsOf(reportOf("CTOC/COP/WG.4/2025/2", paragraph), "remote mining areas");
        List<String> inFirearms = topicsOf(reportOf("CTOC/COP/WG.6/2025/2", paragraph), "remote mining areas");
        assertTrue(inTrafficking.containsAll(List.of("child-trafficking", "labour-exploitation")), inTrafficking.toString());
        assertFalse(inFirearms.contains("child-trafficking") || inFirearms.contains("labour-exploitation"),
                inFirearms.toString());
    }

    /** A heading's general words pass its topic on where their context holds, as a heading names its subject. */
    @Test
    void aHeadingPassesOnATopicItsContextHolds() throws Exception {
        String under = "Several speakers described the guardianship arrangements in their countries.";
        List<String> inTrafficking = topicsOf(reportOf("CTOC/COP/WG.4/2025/2", "B. Best interests of the child", under),
                "guardianship arrangements");
        List<String> inFirearms = topicsOf(reportOf("CTOC/COP/WG.6/2025/2", "B. Best interests of the child", under),
                "guardianship arrangements");
        assertTrue(inTrafficking.contains("child-trafficking"), inTrafficking.toString());
        assertFalse(inFirearms.contains("child-trafficking"), inFirearms.toString());
    }

    private static AnnotatedReport reportOf(String symbol, String paragraph) throws Exception {
        return reportOf(symbol, "A. Deliberations", paragraph);
    }

    private static AnnotatedReport reportOf(String symbol, String heading, String paragraph) throws Exception {
        String text = "United Nations\n\n" + symbol + "\n\nDistr.: General\n2 June 2025\n\nOriginal: English\n\n"
                + "Report on the meeting held in Vienna on 2 and 3 April 2025\n\nI. Summary of deliberations\n\n"
                + "1. The meeting was opened on 2 April 2025.\n\n" + heading + "\n\n2. " + paragraph + "\n";
        var enricher = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames());
        return enricher.annotate(new ReportReader().read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "report.txt"));
    }
}
