package org.tipsearch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layouts as real extractions leave them, several quirks at once: the structural layouts of {@link ReportLayouts}
 * (a flattened contents, a heading or a paragraph run on, furniture mid-paragraph) two at a time, and each under
 * hard wraps, with or without blank lines between paragraphs. Every numbered bundled report reads as the same
 * units as its clean text.
 */
class LayoutCombinationsTest {

    private final ReportReader reader = new ReportReader();

    static Stream<Arguments> combinations() {
        // the contents first: it is made of the headings as they stand on lines of their own
        var structural = List.of(ReportLayouts.FLATTENED_CONTENTS, ReportLayouts.RUN_IN_HEADINGS,
                ReportLayouts.RUN_TOGETHER_PARAGRAPHS, ReportLayouts.FURNITURE_MID_PARAGRAPH);
        var combinations = new ArrayList<List<ReportLayouts>>();
        combinations.add(List.of(ReportLayouts.HARD_WRAPS, ReportLayouts.FORM_FEEDS_NO_BLANKS));
        for (int i = 0; i < structural.size(); i++) {
            for (int j = i + 1; j < structural.size(); j++) {
                combinations.add(List.of(structural.get(i), structural.get(j)));
                combinations.add(List.of(structural.get(i), structural.get(j), ReportLayouts.HARD_WRAPS,
                        ReportLayouts.FORM_FEEDS_NO_BLANKS));
            }
        }
        for (ReportLayouts first : structural) {
            combinations.add(List.of(first, ReportLayouts.HARD_WRAPS));
            combinations.add(List.of(first, ReportLayouts.FORM_FEEDS_NO_BLANKS));
            combinations.add(List.of(first, ReportLayouts.HARD_WRAPS, ReportLayouts.FORM_FEEDS_NO_BLANKS));
        }
        return SameReport.bundledReports()
                .filter(report -> !report.equals(org.tipsearch.BundledReports.ARTICLE_2023))
                .flatMap(report -> combinations.stream().map(c -> Arguments.of(report, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void aReportInSeveralLayoutsAtOnceGivesTheSameUnits(String reportId, List<ReportLayouts> layouts) throws Exception {
        String text = layouts.getFirst().render(SameReport.bundledText(reportId));
        for (ReportLayouts layout : layouts.subList(1, layouts.size())) {
            text = layout.over(text);
        }
        Report actual = reader.read(text.getBytes(StandardCharsets.UTF_8), reportId + ".txt");
        SameReport.assertSame(spacedAlike(SameReport.bundled(reportId)), spacedAlike(actual));
    }

    private static Report spacedAlike(Report report) {
        return new Report(report.metadata(), report.units().stream().map(p -> new Unit(p.unitId(),
                p.position(), p.kind(), p.number(), p.section(), p.annex(), p.text().replaceAll("\\s+", " "),
                p.footnotes(), p.status())).toList());
    }
}
