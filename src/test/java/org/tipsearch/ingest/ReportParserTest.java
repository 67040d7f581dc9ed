package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tipsearch.BundledReports;

/** The tricky units of the bundled reports, and small texts for the rules behind them. */
class ReportParserTest {

    private final ReportReader reader = new ReportReader();

    private Map<String, Unit> units(String reportId) throws InvalidReportException {
        return reader.read(BundledReports.file(reportId)).units().stream()
                .collect(Collectors.toMap(Unit::unitId, Function.identity()));
    }

    private static void assertSpan(Unit p, String start, String end) {
        assertTrue(p.text().startsWith(start), () -> p.unitId() + " starts: " + p.text());
        assertTrue(p.text().endsWith(end), () -> p.unitId() + " ends: " + p.text());
    }

    @Test
    void unitCountsPerReport() throws Exception {
        assertEquals(41, units(BundledReports.DIALOGUE_2023).size());
        assertEquals(31, units(BundledReports.DIALOGUE_2022).size());
        assertEquals(74, units(BundledReports.WORKING_GROUP_2023).size());
        assertEquals(47, units(BundledReports.DIALOGUE_2024).size());
        assertEquals(15, units(BundledReports.ARTICLE_2023).size());
    }

    /**
     * Long paragraphs one to a line are no flattened pages: without a page's furniture on a long line, none is cut
     * at a number a sentence cites ("article 1. The …") nor joined to the next for ending without a full stop.
     */
    @Test
    void longParagraphsAreNoFlattenedPages() {
        String filler = " The Working Group discussed the protection of victims of trafficking in persons at length.".repeat(10);
        String text = "1. The first paragraph cites article 1. The Protocol applies." + filler
                + " Its last sentence ends with a footnote.¹\n\n2. The second paragraph ends without a full stop" + filler
                + " and goes on in a list:\n\n3. The third paragraph." + filler + "\n";
        var units = new ReportParser().parse(text).units();
        assertEquals(List.of("1", "2", "3"), units.stream().map(Unit::number).toList());
        assertTrue(units.get(0).text().contains("cites article 1. The Protocol applies."), units.get(0).text());
    }

    @Test
    void sentenceCutByAPageBreakIsJoined() throws Exception {
        var wg = units(BundledReports.WORKING_GROUP_2023);
        assertSpan(wg.get("para-4"), "At its 4th meeting, on 3 October 2023,",
                "agreed to reproduce those recommendations in the present report, in the form in which they were"
                        + " initially proposed to delegates, for possible consideration at future meetings of the"
                        + " Working Group or the Conference. Those recommendations are included in the annex to the"
                        + " present report as proposed recommendations of the Co-Chairs. In addition, the Working"
                        + " Group adopted the recommendations presented below for consideration by the Conference.");
        assertTrue(wg.get("rec-7").text().contains("information exchange, mutual legal assistance, technical assistance"));
        assertTrue(wg.get("para-35").text().contains("Paulene Kaye Bucag-Lopez (Philippines), João Freitas"));
    }

    @Test
    void wholeSentenceAfterAPageBreakBelongsToTheParagraphAbove() throws Exception {
        var dialogue = units(BundledReports.DIALOGUE_2024);
        assertSpan(dialogue.get("para-30"), "The last panellist, from the Citizen Council for Security",
                "more than a third of victims were children. He noted with concern a significant increase in children"
                        + " exploited in forced labour and forced criminality, including for forced begging, and stated"
                        + " that 75% of victims were recruited in-person between 2022 and 2024 while victims recruited"
                        + " online counted for 25%, which is an increase. Finally, he called for an ethical engagement"
                        + " of trafficking survivors into anti-trafficking responses.");
        assertTrue(dialogue.get("para-27").text().contains("perspectives of the gendered nature of trafficking in persons."
                + " She encouraged cooperation to end this crime"));
    }

    @Test
    void footnotesAreKeptApartFromTheText() throws Exception {
        var dialogue = units(BundledReports.DIALOGUE_2022);
        Unit first = dialogue.get("para-1");
        assertEquals(List.of(new Footnote("1", "Hereinafter: UNTOC review mechanism.")), first.footnotes());
        assertTrue(first.text().contains("Protocols thereto through Conference resolution 9/1"), first.text());
        // The footnote was printed inside paragraph 6, which runs on after it.
        assertEquals("The co-Chairs delivered introductory remarks, expressing their confidence that the UNTOC review"
                        + " mechanism will greatly benefit from the contributions of all relevant stakeholders,"
                        + " including civil society, academia and the private sector.",
                dialogue.get("para-6").text());
        dialogue.values().forEach(p -> assertFalse(p.text().contains("Hereinafter") || p.text().contains("¹"), p.unitId()));
    }

    @Test
    void headingOverTwoLinesIsOneHeading() throws Exception {
        assertEquals("VI. Observations from participants related to the review of implementation of the Trafficking in"
                        + " Persons Protocol, and the supporting role played by civil society, including, inter alia,"
                        + " through the provision of activities meeting technical assistance needs (para 53 (i) and (j)"
                        + " of the Procedures and Rules for the functioning of the mechanism for the Review of the"
                        + " Implementation of UNTOC",
                units(BundledReports.DIALOGUE_2022).get("para-18").sectionPath());
        assertEquals("III. Summary of deliberations › B. National issues and priorities concerning child trafficking",
                units(BundledReports.WORKING_GROUP_2023).get("para-18").sectionPath());
    }

    @Test
    void listsAndTheAgendaStayInsideTheirParagraph() throws Exception {
        var wg = units(BundledReports.WORKING_GROUP_2023);
        assertEquals("""
                At its 1st meeting, on 2 October 2023, the Working Group adopted by consensus the following agenda:
                1. Organizational matters:
                (a) Opening of the meeting;
                (b) Adoption of the agenda and organization of work.
                2. Emerging knowledge and practice regarding the prevention of and response to corruption in the \
                context of trafficking in persons.
                3. National issues and priorities concerning child trafficking.
                4. Matters pertaining to the Mechanism for the Review of the Implementation of the United Nations \
                Convention against Transnational Organized Crime and the Protocols thereto.
                5. Other matters.
                6. Adoption of the report.""", wg.get("para-43").text()); // an item's label, not also a bullet
        assertSpan(wg.get("para-44"), "The following parties to the Trafficking in Persons Protocol were represented",
                "Viet Nam and Zimbabwe.");
        var dialogue = units(BundledReports.DIALOGUE_2023);
        String observation = dialogue.get("para-37").text();
        assertEquals(8, observation.lines().count(), observation);
        assertTrue(observation.contains("\n(d) fostering integrated cross-sectoral collaboration between, amongst others,"
                + " child protection systems and asylum authorities, law enforcement and the judiciary,"), observation);
        assertTrue(units(BundledReports.DIALOGUE_2022).get("para-9").text()
                .startsWith("The panelist proposed three concrete recommendations: 1) States should exempt victims"));
    }

    @Test
    void recommendationsAreUnitsThatKnowTheirStatus() throws Exception {
        var wg = units(BundledReports.WORKING_GROUP_2023);
        var recommendations = wg.values().stream().filter(p -> p.kind() == UnitKind.RECOMMENDATION).toList();
        assertEquals(9, recommendations.stream().filter(p -> p.status() == RecommendationStatus.ADOPTED).count());
        assertEquals(10, recommendations.stream().filter(p -> p.status() == RecommendationStatus.PROPOSED).count());

        Unit fused = wg.get("annex-rec-5"); // "…child trafficking*Recommendation 5*"
        assertEquals("5", fused.number());
        assertTrue(fused.annex());
        assertEquals(RecommendationStatus.PROPOSED, fused.status());
        assertEquals("Annex: Recommendations proposed by the Co-Chairs of the Working Group on Trafficking in Persons"
                + " › C. Recommendations on national issues and priorities concerning child trafficking", fused.sectionPath());
        assertSpan(fused, "States parties should enhance responses to child trafficking for the purpose of forced labour",
                "child protection actors.");
        assertEquals("D. Recommendations on matters pertaining to the Mechanism for the Review of the Implementation of"
                + " the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
                wg.get("annex-rec-9").section().get(1));

        Unit adopted = wg.get("rec-9");
        assertEquals(RecommendationStatus.ADOPTED, adopted.status());
        assertSpan(adopted, "States parties are encouraged to enhance efforts to prevent and counter child trafficking online through:\n(a)",
                "online child sexual exploitation and abuse, especially through child trafficking.");
        assertTrue(wg.get("annex-para-1").text().startsWith("The Co-Chairs note the following recommendations"));
    }

    @Test
    void markdownResidueIsPlainText() throws Exception {
        var dialogue = units(BundledReports.DIALOGUE_2023);
        assertTrue(dialogue.get("para-6").text().contains("Conference resolution 10/1, after")
                && dialogue.get("para-6").text().contains("with the Working Group (CTOC/COP/WG.4/2023/3)."));
        assertTrue(units(BundledReports.WORKING_GROUP_2023).get("para-2").text().contains("decided, inter alia, that"));
        assertTrue(units(BundledReports.DIALOGUE_2022).get("para-4").text().endsWith(
                "(https://www.unodc.org/unodc/en/organized-crime/intro/review-mechanism-untoc/constructive-dialogues.html)."));
        for (String id : List.of(BundledReports.DIALOGUE_2023, BundledReports.WORKING_GROUP_2023, BundledReports.DIALOGUE_2024)) {
            units(id).values().forEach(p -> assertFalse(p.text().matches("(?s).*(\\]\\(|\\*\\w).*"), p.unitId() + ": " + p.text()));
        }
    }

    @Test
    void anUnnumberedArticleIsSplitIntoParagraphsAndBullets() throws Exception {
        var article = reader.read(BundledReports.file(BundledReports.ARTICLE_2023)).units();
        assertEquals("para-1", article.get(0).unitId());
        assertTrue(article.get(0).text().startsWith("The first Constructive Dialogue on Trafficking in Persons was convened"));
        assertEquals(UnitKind.BULLET, article.get(3).kind());
        assertEquals("bullet-4", article.get(3).unitId());
        assertEquals("The need for a more effective criminalization of the perpetrators of trafficking in persons"
                + " worldwide by establishing and implementing solid legal frameworks;", article.get(3).text());
        assertEquals(List.of(UnitKind.PARAGRAPH, UnitKind.BULLET), article.stream().map(Unit::kind).distinct().toList());
        assertEquals("Gender, human rights, and victim-centred approaches to countering organized crime, in particular"
                + " trafficking in persons.", article.get(14).text());
        for (int i = 0; i < article.size(); i++) {
            assertEquals(String.valueOf(i + 1), article.get(i).number());
        }
    }

    @Test
    void annexNumberingRestartsWithoutClashingIds() throws Exception {
        var text = """
                I. Introduction

                1. First paragraph.
                2. Second paragraph ends with a list:
                1. item one;
                2. item two.

                Annex

                Draft decisions

                1. Annex paragraph one.

                Recommendation 1

                States parties should act.
                """;
        var units = reader.read(text, "sample.txt").units();
        assertEquals(List.of("para-1", "para-2", "annex-para-1", "annex-rec-1"),
                units.stream().map(Unit::unitId).toList());
        assertEquals("Second paragraph ends with a list:\n1. item one;\n2. item two.", units.get(1).text());
        assertEquals("Annex: Draft decisions", units.get(2).sectionPath());
        assertEquals(RecommendationStatus.PROPOSED, units.get(3).status());
    }

    @Test
    void paragraphsRunTogetherOnOneLineAreSplitAtTheNextNumber() throws Exception {
        var text = """
                I. Introduction

                1. The Working Group met in 2023. 2. In its decision 4/4, the Conference acted; see paragraph 12. 13. Not a paragraph: 12 is not the number before it.
                3. Agenda item 5. 6. Other matters were raised.¹ 4. The meeting closed.

                Annex

                1. The Co-Chairs proposed recommendations. 2. They were not discussed.
                """;
        var units = reader.read(text, "runon.txt").units();
        assertEquals(List.of("para-1", "para-2", "para-3", "para-4", "annex-para-1", "annex-para-2"),
                units.stream().map(Unit::unitId).toList());
        assertEquals("In its decision 4/4, the Conference acted; see paragraph 12. 13. Not a paragraph: 12 is not the"
                + " number before it.", units.get(1).text());
        assertEquals("Agenda item 5. 6. Other matters were raised.", units.get(2).text());
        assertEquals("They were not discussed.", units.get(5).text());
    }

    @Test
    void aFootnotePrintedRightAfterItsParagraphBelongsToIt() throws Exception {
        var text = """
                I. Introduction

                1. The review mechanism¹ was established.

                ¹ Hereinafter: UNTOC review mechanism.

                2. A paragraph without a marker.

                ² A footnote whose marker was lost in extraction.
                """;
        var units = reader.read(text, "notes.txt").units();
        assertEquals(List.of(new Footnote("1", "Hereinafter: UNTOC review mechanism.")), units.get(0).footnotes());
        assertEquals(List.of(new Footnote("2", "A footnote whose marker was lost in extraction.")), units.get(1).footnotes());
    }
}
