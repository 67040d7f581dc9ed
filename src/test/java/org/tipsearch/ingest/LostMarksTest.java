package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a converter sets apart from what it marks, or drops: a footnote's number on a line of its own above its
 * text, markers whose notes were dropped, a heading without its label, a table one cell to a line, a job line's
 * date stamp on a line of its own, a web page's links and copyright, and a list item "(c)" that stays text.
 */
class LostMarksTest {

    private static final String COVER = "United Nations\n\nCTOC/COP/WG.4/2025/3\n\nDistr.: General\n16 July 2025\n\n"
            + "Original: English\n\nReport on the meeting held in Vienna on 30 June and 1 July 2025\n\n";

    private static Report read(String body) throws Exception {
        return new ReportReader().read((COVER + body).getBytes(StandardCharsets.UTF_8), "report.txt");
    }

    private static Unit unit(Report report, String number) {
        return report.units().stream().filter(u -> number.equals(u.number())).findFirst().orElseThrow();
    }

    @Test
    void aFootnotesNumberAboveItsTextIsItsMarker() throws Exception {
        Report r = read("I. Recommendations\n\n1. The Working Group encouraged States parties to the Protocol1 to "
                + "review their laws.\n\n1\n\n2/5\n\nUnited Nations, Treaty Series, vol. 2237, No. 39574.\n\n"
                + "V.25-11862\n\n2. The Working Group also recommended training for judges.\n");
        Unit first = unit(r, "1");
        assertEquals("The Working Group encouraged States parties to the Protocol to review their laws.", first.text());
        assertEquals(List.of("United Nations, Treaty Series, vol. 2237, No. 39574."),
                first.footnotes().stream().map(Footnote::text).toList());
        assertEquals("The Working Group also recommended training for judges.", unit(r, "2").text());
    }

    @Test
    void aTableCellAloneUnderANumberIsNoFootnote() throws Exception {
        Report r = read("I. Attendance\n\n1. The meeting was attended by 12 States as set out in the table below.1\n"
                + "Participation by category\nCategory\nNumber\nStates parties\n10\nSignatory States\n2\n"
                + "United Nations entities\n5\nTotal\n17\n\n2. A list of participants is contained in a document.2\n");
        assertEquals("The meeting was attended by 12 States as set out in the table below.", unit(r, "1").text());
        assertTrue(r.units().stream().anyMatch(u -> u.number() == null && u.text().contains("Signatory States 2")),
                "the table is a unit of its own: " + r.units());
        assertEquals("A list of participants is contained in a document.", unit(r, "2").text());
    }

    @Test
    void aHeadingWhoseLabelWasLostStandsApart() throws Exception {
        Report r = read("I. Summary\n\n1. The paper describes the challenges.\n\nChallenges\n\nIdentification of "
                + "victims\n\n2. The identification of victims poses particular difficulties.\n\nCTOC/COP/WG.4/2025/1\n\n"
                + "3. The Working Group adopted the report.\n");
        assertEquals("The paper describes the challenges.", unit(r, "1").text());
        assertEquals(List.of("I. Summary", "Challenges", "Identification of victims"), unit(r, "2").section());
        assertEquals("The Working Group adopted the report.", unit(r, "3").text());
    }

    @Test
    void aDateStampTheWebsFurnitureAndAListItemC() throws Exception {
        Report r = read("I. Recommendations\n\n1. States parties should:\n(a) Train judges;\n(b) Fund shelters;\n"
                + "(c) Collect data.\n\n180725\n\n2. The Working Group adopted the report.\n\n"
                + "Contact us | Terms of use | Privacy notice\n\n© United Nations. All rights reserved.\n");
        assertTrue(unit(r, "1").text().endsWith("(c) Collect data."), unit(r, "1").text());
        assertFalse(unit(r, "1").text().contains("180725"));
        assertEquals("The Working Group adopted the report.", unit(r, "2").text());
    }
}
