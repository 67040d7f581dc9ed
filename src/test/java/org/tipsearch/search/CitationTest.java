package org.tipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tipsearch.BundledReports;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportReader;

/** How the bundled reports' units are cited, short and long. */
class CitationTest {

    private final ReportReader reader = new ReportReader();

    private String[] cited(String reportId, String unitId) throws Exception {
        Report report = reader.read(BundledReports.file(reportId));
        Unit unit = report.units().stream().filter(p -> p.unitId().equals(unitId)).findFirst().orElseThrow();
        return new String[] {Citation.brief(report.metadata(), unit), Citation.of(report.metadata(), unit)};
    }

    @Test
    void aWorkingGroupReportIsCitedByItsBodyAndSession() throws Exception {
        String[] cited = cited(BundledReports.WORKING_GROUP_2023, "para-19");
        assertEquals("Working Group on Trafficking in Persons, 13th session (2023), para. 19", cited[0]);
        assertEquals("Report on the meeting of the Working Group on Trafficking in Persons, 2–3 October 2023, para. 19",
                cited[1]);
    }

    @Test
    void aDialogueSummaryIsCitedByItsDate() throws Exception {
        assertEquals("Constructive dialogue, 10 July 2024, para. 33", cited(BundledReports.DIALOGUE_2024, "para-33")[0]);
    }

    @Test
    void aSymbolIsTheShortestCitation() throws Exception {
        String text = """
                CTOC/COP/WG.4/2010/6

                Distr.: General
                10 February 2010

                Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 27 to 29 January 2010

                I. Introduction

                1. The Working Group on Trafficking in Persons met in Vienna to consider the protection of victims.
                """;
        Report report = reader.read(text, "wg-2010.txt");
        assertEquals("CTOC/COP/WG.4/2010/6, para. 1", Citation.brief(report.metadata(), report.units().get(0)));
    }
}
