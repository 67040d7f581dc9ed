package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled report laid out as extraction tools leave the family's PDFs ({@link ReportLayouts}) reads as the
 * same units and metadata as its clean text (a unit's line breaks aside).
 */
class LayoutsOfBundledReportsTest {

    private final ReportReader reader = new ReportReader();

    static Stream<Arguments> reportsInLayouts() {
        return SameReport.bundledReports()
                .flatMap(report -> Arrays.stream(ReportLayouts.values()).map(layout -> Arguments.of(report, layout)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reportsInLayouts")
    void aReportInAnyLayoutGivesTheSameUnits(String reportId, ReportLayouts layout) throws Exception {
        String clean = SameReport.bundledText(reportId);
        String laidOut = layout.render(clean);
        Report expected = SameReport.bundled(reportId);
        if (!reportId.equals(org.tipsearch.BundledReports.ARTICLE_2023) || layout != ReportLayouts.RUN_IN_HEADINGS
                && layout != ReportLayouts.RUN_TOGETHER_PARAGRAPHS && layout != ReportLayouts.FLATTENED_CONTENTS
                && layout != ReportLayouts.FURNITURE_MID_PARAGRAPH && layout != ReportLayouts.MARKDOWN) {
            assertNotEquals(clean, laidOut, "the layout changed nothing");
        }
        Report actual = reader.read(laidOut.getBytes(StandardCharsets.UTF_8), reportId + ".txt");
        if (layout == ReportLayouts.FLATTENED_PAGES && reportId.equals(org.tipsearch.BundledReports.ARTICLE_2023)) {
            // pages flattened onto lines leave a text without numbers no mark of where its paragraphs end: its
            // words are kept, in order, and the page furniture is not among them
            String kept = words(actual.units().stream().map(Unit::text).toList());
            for (Unit p : expected.units()) {
                assertTrue(kept.contains(words(List.of(p.text()))), () -> "lost: " + p.text());
            }
            assertFalse(kept.contains(ReportLayouts.SYMBOL) || kept.contains("V.23-19876"), "furniture in a unit");
            return;
        }
        // a list item a wrap put at a line's start stands on a line of its own: the same words, spaced otherwise
        SameReport.assertSame(spacedAlike(expected), spacedAlike(actual));
    }

    private static String words(List<String> texts) {
        return String.join(" ", texts).replaceAll("\\s+", " ").strip();
    }

    private static Report spacedAlike(Report report) {
        return new Report(report.metadata(), report.units().stream().map(p -> new Unit(p.unitId(),
                p.position(), p.kind(), p.number(), p.section(), p.annex(), p.text().replaceAll("\\s+", " "),
                p.footnotes(), p.status())).toList());
    }
}
