package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tipsearch.BundledReports;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.ReportReader;

/** Sentences as the JDK finds them, less the boundaries after a title or a reference ("Mr.", "para."). */
class SentencesTest {

    @Test
    void noSentenceEndsAfterATitleOrAReference() {
        assertEquals(List.of("It was chaired by Mr. Germán Calderón and Ms. Prugh, as para. 3 says.", "Then it closed."),
                Sentences.of("It was chaired by Mr. Germán Calderón and Ms. Prugh, as para. 3 says. Then it closed."));
    }

    /** On every bundled unit: the JDK's boundaries, less exactly those after an abbreviation of the curator's list. */
    @Test
    void onTheBundledReportsOnlyTheBoundariesAfterAnAbbreviationGo() throws Exception {
        var reader = new ReportReader();
        int dropped = 0;
        for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
            for (Unit unit : reader.read(file).units()) {
                String text = unit.text();
                var jdk = BreakIterator.getSentenceInstance(Locale.ENGLISH);
                jdk.setText(text);
                var ours = new Sentences();
                ours.setText(text);
                List<Integer> expected = new ArrayList<>();
                for (int b = jdk.first(); b != BreakIterator.DONE; b = jdk.next()) {
                    String before = text.substring(0, b).stripTrailing();
                    boolean title = before.matches("(?s).*\\b(Mr|Ms|Mrs|Dr|Prof|No|para|paras|art|e\\.g|i\\.e|H\\.E)\\.");
                    if (b == 0 || b == text.length() || !title) {
                        expected.add(b);
                    } else {
                        dropped++;
                    }
                }
                List<Integer> actual = new ArrayList<>();
                for (int b = ours.first(); b != BreakIterator.DONE; b = ours.next()) {
                    actual.add(b);
                }
                assertEquals(expected, actual, unit.unitId());
                if (actual.size() > 2) { // and it walks back as it walks forth
                    assertEquals(actual.get(actual.size() - 2), ours.preceding(text.length()));
                    assertEquals(actual.get(1), ours.following(0));
                }
            }
        }
        assertTrue(dropped > 10, "boundaries after titles in the bundled reports: " + dropped);
    }
}
