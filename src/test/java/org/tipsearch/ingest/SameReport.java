package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.tipsearch.BundledReports;

/** What the format tests compare: a report read from another format against the same report read as .txt. */
final class SameReport {

    private SameReport() {}

    /** The bundled reports, for a parameterized test: {@code @MethodSource("org.tipsearch.ingest.SameReport#bundledReports")}. */
    static Stream<String> bundledReports() {
        return Stream.of(BundledReports.DIALOGUE_2023, BundledReports.DIALOGUE_2022, BundledReports.WORKING_GROUP_2023,
                BundledReports.DIALOGUE_2024, BundledReports.ARTICLE_2023);
    }

    static String bundledText(String reportId) {
        try {
            return Files.readString(BundledReports.file(reportId), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report bundled(String reportId) throws InvalidReportException {
        return new ReportReader().read(BundledReports.file(reportId));
    }

    /** Every unit (id, kind, number, section, text, footnotes, status) and the metadata but the file name agree. */
    static void assertSame(Report expected, Report actual) {
        assertEquals(ReportParserGoldenTest.render(expected), ReportParserGoldenTest.render(actual));
        assertEquals(expected.units(), actual.units());
        assertEquals(withoutSource(expected.metadata()), withoutSource(runningSymbolAside(expected, actual)));
    }

    /**
     * A rendering that prints the layouts' symbol as the running header of a report whose clean text has none gives
     * the report that symbol, as pages that print one do; everything else must be the same.
     */
    private static ReportMetadata runningSymbolAside(Report expected, Report actual) {
        ReportMetadata m = actual.metadata();
        boolean fromHeader = expected.metadata().symbol() == null && ReportLayouts.SYMBOL.equals(m.symbol());
        return fromHeader ? new ReportMetadata(m.id(), m.title(), m.kind(), m.body(), m.session(), m.date(),
                m.endDate(), m.issued(), null, m.source()) : m;
    }

    private static ReportMetadata withoutSource(ReportMetadata m) {
        return new ReportMetadata(m.id(), m.title(), m.kind(), m.body(), m.session(), m.date(), m.endDate(),
                m.issued(), m.symbol(), "-");
    }
}
