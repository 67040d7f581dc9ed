package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every character of a report is accounted for: in units, footnotes, headings, cover or furniture, never lost. */
class TextAccountTest {

    static Stream<Path> texts() throws Exception {
        var bundled = SameReport.bundledReports().map(id -> org.tipsearch.BundledReports.file(id));
        return Stream.concat(bundled, Files.list(Path.of("src", "test", "resources", "layouts"))
                .filter(f -> f.toString().matches(".*\\.(txt|md)$")).sorted());
    }

    @ParameterizedTest
    @MethodSource("texts")
    void noReportLosesText(Path file) throws Exception {
        TextAccount a = new ReportReader().read(file).account();
        System.out.printf(Locale.ROOT, "ACCOUNT %-50s total %6d units %6d notes %5d headings %5d cover %5d furniture %5d %s unaccounted %5d%n",
                file.getFileName(), a.total(), a.units(), a.footnotes(), a.headings(), a.cover(), a.removedAsFurniture(),
                a.furniture(), a.unaccounted());
        // most of what is not the cover or a table of contents (an excerpt's contents may be a seventh of it) is body
        int contents = a.furniture().getOrDefault("contents", 0);
        assertTrue(a.units() + a.footnotes() + a.headings() > 0.8 * (a.total() - contents - a.cover()), "the body: " + a);
        assertTrue(Math.abs(a.unaccounted()) <= TextAccount.FLAG_SHARE * a.total(), "unaccounted: " + a);
        assertFalse(a.flagged(), "flagged: " + a); // every text placed: no text kept only as unnumbered text
    }
}
