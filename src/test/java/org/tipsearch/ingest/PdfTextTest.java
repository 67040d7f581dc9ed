package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that turn a PDF's lines into report text, on lines laid out by hand. */
class PdfTextTest {

    private static final float FULL = 523;

    /** A body line at a baseline, running to the right margin unless it is short. */
    private static PdfLine line(String text, float baseline) {
        return new PdfLine(text, 72, text.length() > 60 ? FULL : 72 + text.length() * 4.5f, baseline, 10, false);
    }

    private static PdfLine small(String text, float baseline) {
        return new PdfLine(text, 72, 72 + text.length() * 3.6f, baseline, 8, false);
    }

    private static List<String> texts(List<PdfLine> page) {
        return page.stream().map(PdfLine::text).toList();
    }

    /** A page of body text between a header at the top and a footer at the bottom. */
    private static List<PdfLine> page(String header, String footer, String... body) {
        var lines = new ArrayList<PdfLine>();
        if (header != null) {
            lines.add(new PdfLine(header, 72, 300, 50, 9, true));
        }
        float y = 90;
        for (String text : body) {
            lines.add(line(text, y));
            y += 18;
        }
        if (footer != null) {
            lines.add(small(footer, 805));
        }
        return lines;
    }

    @Test
    void runningHeadersAndFootersGoButTextStays() {
        var pages = List.of(
                page("CTOC/COP/WG.4/2023/3", "V.23-19876 (E) 151123 161123 *2319876*",
                        "Report on the meeting", "I. Introduction", "1. A first paragraph."),
                page("CTOC/COP/WG.4/2023/3 2/12", "V.23-19876", "Recommendation 3", "2. A paragraph.", "- 2 -"),
                page("3/12 CTOC/COP/WG.4/2023/3", "V.23-19876", "B. Statements", "3. Another.", "Recommendation 4"),
                page("CTOC/COP/WG.4/2023/3 4/12", "*2319876*", "4. More text.", "5. Even more.", "Page 4 of 12"),
                page("5/12 CTOC/COP/WG.4/2023/3", "5", "2023", "6. The last paragraph.", "Short last line."));
        var kept = new RunningHeaders(ReportCues.load()).remove(pages);

        // The first page keeps the symbol of its masthead; every other page loses header, footer and page number.
        assertEquals(List.of("CTOC/COP/WG.4/2023/3", "Report on the meeting", "I. Introduction", "1. A first paragraph."),
                texts(kept.get(0)));
        assertEquals(List.of("Recommendation 3", "2. A paragraph."), texts(kept.get(1)));
        assertEquals(List.of("B. Statements", "3. Another.", "Recommendation 4"), texts(kept.get(2)));
        assertEquals(List.of("4. More text.", "5. Even more."), texts(kept.get(3)));
        assertEquals(List.of("2023", "6. The last paragraph.", "Short last line."), texts(kept.get(4)));
    }

    @Test
    void aShortLineRecurringInTheSamePlaceIsFurniture() {
        var pages = new ArrayList<List<PdfLine>>();
        for (int p = 1; p <= 4; p++) {
            pages.add(page("Advance unedited version", "Distribution: limited, page " + p, p + ". Text of page " + p + "."));
        }
        var kept = new RunningHeaders(ReportCues.load()).remove(pages);
        for (int p = 1; p < 4; p++) {
            assertEquals(List.of((p + 1) + ". Text of page " + (p + 1) + "."), texts(kept.get(p)));
        }
    }

    @Test
    void aParagraphRunsOnOverThePageBreakAndItsFootnoteFollowsIt() {
        String longLine = "1. The Conference of the Parties to the Convention established the Mechanism for the Review¹";
        var pages = List.of(
                List.of(line("I. Introduction", 90),
                        line(longLine, 108),
                        line("of the Implementation of the Convention and its Protocols, which is a traf-", 120),
                        small("¹ Hereinafter: the Mechanism.", 700)),
                List.of(line("ficking in persons matter. It met.", 90),
                        line("2. The second paragraph.", 108)));
        assertEquals("""
                I. Introduction

                1. The Conference of the Parties to the Convention established the Mechanism for the Review¹ of the \
                Implementation of the Convention and its Protocols, which is a trafficking in persons matter. It met.

                ¹ Hereinafter: the Mechanism.

                2. The second paragraph.
                """, PdfText.of(pages));
    }

    @Test
    void whatEndsAPageStaysApartFromWhatOpensTheNext() {
        var pages = List.of(
                List.of(line("1. A paragraph that ends on a short line.", 90), line("II. Recommendations", 108)),
                List.of(line("The Working Group adopted the following recommendations, without a number of its own,", 90),
                        line("and closed.", 102)),
                List.of(line("3. A paragraph whose last line happens to end the sentence at the right margin, as here.", 90)),
                List.of(line("It goes on with a new sentence on the next page.", 90),
                        line("4. A short one.", 108)),
                List.of(line("A new paragraph without a number.", 90)));
        assertEquals("""
                1. A paragraph that ends on a short line.

                II. Recommendations

                The Working Group adopted the following recommendations, without a number of its own, and closed.

                3. A paragraph whose last line happens to end the sentence at the right margin, as here. It goes on \
                with a new sentence on the next page.

                4. A short one.

                A new paragraph without a number.
                """, PdfText.of(pages));
    }

    @Test
    void blocksEndAtSpaceAtAColumnAtBoldAndAtANumberAfterASentence() {
        var pages = List.of(List.of(
                new PdfLine("Conference of the Parties to the", 72, 250, 90, 10, true),
                new PdfLine("United Nations Convention against", 72, 250, 102, 10, true),
                new PdfLine("Distr.: General", 400, 480, 90, 10, false),
                new PdfLine("14 November 2023", 400, 480, 102, 10, false),
                new PdfLine("Working Group on Trafficking in Persons", 72, 300, 130, 10, true),
                new PdfLine("Vienna, 2 and 3 October 2023", 72, 250, 142, 10, false),
                line("1. A paragraph without space after it.", 170),
                line("2. The next one, on the next line, which runs on to a second line because it is long,", 182),
                line("and ends here.", 194)));
        assertEquals("""
                Conference of the Parties to the United Nations Convention against

                Distr.: General 14 November 2023

                Working Group on Trafficking in Persons

                Vienna, 2 and 3 October 2023

                1. A paragraph without space after it.

                2. The next one, on the next line, which runs on to a second line because it is long, and ends here.
                """, PdfText.of(pages));
    }

    @Test
    void brokenWordsAreJoinedAsTheReportSpellsThem() {
        var report = new Hyphenation(List.of(
                "Trafficking in persons and non-governmental organizations: the co-",
                "Chairs and the Working Group on cooperation discussed gender and trauma.",
                "The panellist was informed. The word is broken: traf-",
                "ficking."));
        assertFalse(report.keepsHyphen("traf", "ficking"), "hyphenated by the typesetter");
        assertFalse(report.keepsHyphen("co", "operation"), "the report writes cooperation");
        assertTrue(report.keepsHyphen("non", "governmental"), "the report writes non-governmental");
        assertTrue(report.keepsHyphen("non", "punishment"), "curator prefix");
        assertTrue(report.keepsHyphen("anti", "corruption"), "curator prefix");
        assertTrue(report.keepsHyphen("Bucag", "Lopez"), "a capital after the break");
        assertTrue(report.keepsHyphen("trauma", "informed"), "two words of the report");
        assertFalse(report.keepsHyphen("organi", "zations"), "no word of the report");
        assertFalse(report.keepsHyphen("traf", "fic"), "the halves of a broken word are no words of the report");
        assertEquals("the co-Chairs", report.join("the co-", "Chairs"));
        assertEquals("a trafficking case", report.join("a traf-", "ficking case"));
        assertEquals("crime – and", report.join("crime –", "and"));
    }
}
