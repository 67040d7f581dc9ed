package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;

class ReportMetadataTest {

    private final ReportReader reader = new ReportReader();

    private ReportMetadata metadata(String reportId) throws InvalidReportException {
        return reader.read(BundledReports.file(reportId)).metadata();
    }

    @Test
    void workingGroupReport() throws Exception {
        ReportMetadata m = metadata(BundledReports.WORKING_GROUP_2023);
        assertEquals("Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 2 and 3 October 2023", m.title());
        assertEquals(ReportKind.WORKING_GROUP_REPORT, m.kind());
        assertEquals("Working Group on Trafficking in Persons", m.body());
        assertEquals("13th session (2023)", m.session().label());
        assertEquals(LocalDate.of(2023, 10, 2), m.date());
        assertEquals(LocalDate.of(2023, 10, 3), m.endDate());
        assertNull(m.symbol());
        assertEquals("002_a5f66eb7f565f6a5.txt", m.source());
        assertEquals("002_a5f66eb7f565f6a5", m.id());
    }

    @Test
    void aMeetingAcrossTwoMonthsIsDatedByBothItsDays() throws Exception {
        String text = "United Nations\n\nCTOC/COP/WG.3/2022/4\n\nDistr.: General\n20 June 2022\n\nOriginal: English\n\n"
                + "Report on the meeting of the Working Group on International Cooperation held in Vienna from 30 May to "
                + "1 June 2022\n\nI. Introduction\n\n1. The Working Group met in Vienna.\n";
        ReportMetadata m = reader.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "wg3.txt").metadata();
        assertEquals(LocalDate.of(2022, 5, 30), m.date());
        assertEquals(LocalDate.of(2022, 6, 1), m.endDate());
        assertEquals(LocalDate.of(2022, 6, 20), m.issued());
    }

    @Test
    void dialogueSummariesShareTheSessionOfTheirMeeting() throws Exception {
        assertEquals("13th session (2023)", metadata(BundledReports.DIALOGUE_2023).session().label());
        assertEquals(LocalDate.of(2023, 10, 4), metadata(BundledReports.DIALOGUE_2023).date());
        assertEquals("12th session (2022)", metadata(BundledReports.DIALOGUE_2022).session().label());
        assertEquals("14th session (2024)", metadata(BundledReports.DIALOGUE_2024).session().label()); // "fourteenth meeting"
        assertEquals(LocalDate.of(2024, 7, 10), metadata(BundledReports.DIALOGUE_2024).date());
        for (String id : new String[] {BundledReports.DIALOGUE_2023, BundledReports.DIALOGUE_2022, BundledReports.DIALOGUE_2024}) {
            ReportMetadata m = metadata(id);
            assertEquals(ReportKind.CONSTRUCTIVE_DIALOGUE_SUMMARY, m.kind(), id);
            assertTrue(m.title().startsWith("Constructive dialogue on the review process"), m.title());
        }
    }

    @Test
    void articleIsDatedByItsDateLine() throws Exception {
        ReportMetadata m = metadata(BundledReports.ARTICLE_2023);
        assertEquals(ReportKind.ARTICLE, m.kind());
        assertEquals("Looking at the past to understand the future. Part one", m.title());
        assertEquals(LocalDate.of(2023, 10, 2), m.date());
        assertEquals("12th session (2022)", m.session().label()); // it looks back at the first dialogue
    }

    @Test
    void aReportThatNamesNoSessionIsOfTheSessionItsBodyHeldWhenItMet() throws Exception {
        String report = """
                CTOC/COP/WG.4/2010/6

                Distr.: General
                10 February 2010

                Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from %s

                I. Introduction

                1. The Working Group on Trafficking in Persons met in Vienna to consider the protection of victims.
                """;
        // the curator's calendar lists the meeting of 27 to 29 January 2010 as the second session
        assertEquals("2nd session (2010)", reader.read(report.formatted("27 to 29 January 2010"), "wg.txt")
                .metadata().session().label());
        // a meeting the calendar does not list is of no session, never the nearest one
        assertNull(reader.read(report.formatted("3 to 5 March 2010"), "wg.txt").metadata().session());
    }

    @Test
    void symbolAndDateFromTheFrontMatter() throws Exception {
        var text = """
                CTOC/COP/WG.4/2010/6

                Distr.: General
                10 February 2010

                Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January 2010

                I. Introduction

                1. The Working Group on Trafficking in Persons held its second session in Vienna.
                """;
        ReportMetadata m = reader.read(text, "wg-2010.txt").metadata();
        assertEquals("CTOC/COP/WG.4/2010/6", m.symbol());
        assertEquals(LocalDate.of(2010, 1, 27), m.date());
        assertEquals(LocalDate.of(2010, 1, 29), m.endDate());
        assertEquals(ReportKind.WORKING_GROUP_REPORT, m.kind());
        assertEquals("wg-2010", m.id());
    }

    @Test
    void aReportOfTheFamilyWithPrintersMarksAndTwoAnnexes() throws Exception {
        var text = """
                V.25-01234 (E)

                Conference of the Parties to the United Nations Convention against Transnational Organized Crime

                Distr.: General
                20 July 2025

                Original: English

                Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 1 and 2 July 2025

                I. Introduction

                1. The Working Group on Trafficking in Persons held its fifteenth session in Vienna.²
                2. Its discussions covered protection measures.

                ² See CTOC/COP/WG.4/2025/1.

                Annex I

                Recommendations proposed by the Co-Chairs

                Recommendation 1

                States parties should act.

                Annex II

                List of documents

                1. Annotated provisional agenda.
                """;
        Report report = reader.read(text, "wg-2025.txt");
        ReportMetadata m = report.metadata();
        assertEquals("Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 1 and 2 July 2025", m.title());
        assertEquals("15th session (2025)", m.session().label());
        assertEquals(LocalDate.of(2025, 7, 1), m.date());
        assertEquals(java.util.List.of("para-1", "para-2", "annex-rec-1", "annex-para-1"),
                report.units().stream().map(Unit::unitId).toList());
        assertEquals(java.util.List.of(new Footnote("2", "See CTOC/COP/WG.4/2025/1.")), report.units().get(0).footnotes());
        assertEquals("Annex II: List of documents", report.units().get(3).sectionPath());
        assertEquals(RecommendationStatus.PROPOSED, report.units().get(2).status());
    }

    @Test
    void aMastheadNamesTheSymbolTheMeetingAndItsSession() throws Exception {
        var text = """
                United Nations CTOC/COP/WG.4/2024/4

                Conference of the Parties to the United Nations Convention against Transnational Organized Crime

                Distr.: General
                20 May 2024

                Working Group on Trafficking in Persons
                Fourteenth meeting
                Vienna, 8–10 July 2024

                Background paper prepared by the Secretariat

                I. Introduction

                1. In its resolution 11/1 of 14 October 2022, the Conference of the Parties decided to keep the matter under review.
                """;
        ReportMetadata m = reader.read(text, "background.txt").metadata();
        assertEquals("CTOC/COP/WG.4/2024/4", m.symbol());
        assertEquals("Background paper prepared by the Secretariat", m.title());
        assertEquals(LocalDate.of(2024, 7, 8), m.date());
        assertEquals(LocalDate.of(2024, 7, 10), m.endDate());
        assertEquals("14th session (2024)", m.session().label());
        assertEquals("Working Group on Trafficking in Persons", m.body());
    }

    @Test
    void sidecarOverridesWhatTheTextSays(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.txt");
        Files.copy(BundledReports.file(BundledReports.DIALOGUE_2024), report);
        Files.writeString(dir.resolve("report.txt.meta.json"),
                "{\"title\": \"Third constructive dialogue\", \"session\": 15, \"date\": \"2024-07-11\", \"symbol\": \"CTOC/X/1\"}");
        ReportMetadata m = reader.read(report).metadata();
        assertEquals("Third constructive dialogue", m.title());
        assertEquals("15th session (2024)", m.session().label());
        assertEquals(LocalDate.of(2024, 7, 11), m.date());
        assertEquals("CTOC/X/1", m.symbol());
        assertEquals(ReportKind.CONSTRUCTIVE_DIALOGUE_SUMMARY, m.kind());
    }

    @Test
    void badSidecarIsNamed(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.txt");
        Files.copy(BundledReports.file(BundledReports.DIALOGUE_2024), report);
        Files.writeString(dir.resolve("report.txt.meta.json"), "{\"kind\": \"novel\"}");
        var e = assertThrows(InvalidReportException.class, () -> reader.read(report));
        assertTrue(e.getMessage().contains("report.txt.meta.json") && e.getMessage().contains("novel"), e.getMessage());
    }

    @Test
    void unreadableFilesAreRefusedWithTheirName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "  \n");
        Files.write(dir.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1});
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 1. text".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("nothing.txt"), "Title only\n");
        for (String name : new String[] {"empty.txt", "binary.txt", "latin1.txt"}) {
            var e = assertThrows(InvalidReportException.class, () -> reader.read(dir.resolve(name)));
            assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        }
        var e = assertThrows(InvalidReportException.class, () -> reader.read(dir.resolve("nothing.txt")));
        assertEquals("nothing.txt: no paragraphs found in the text", e.getMessage());
    }
}
