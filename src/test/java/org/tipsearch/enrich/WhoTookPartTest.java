package org.tipsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.ingest.Unit;

/**
 * Who took part says nothing of the subject, and who speaks is read past what stands between a speaker and the
 * verb: a list of panellists takes no topic from its heading nor from the names it lists, a chair introduced with
 * her name and country speaks, and a statement on behalf of NGOs speaks as civil society throughout.
 */
class WhoTookPartTest {

    private final Enricher enricher = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames());

    @Test
    void aListOfPanellistsTakesNoTopicFromItsHeadingNorFromTheNamesItLists() throws Exception {
        AnnotatedReport report = report("B. Non-punishment of trafficked persons",
                "2. The discussion under agenda item 2 was facilitated by the following panellists: Ms. Ana Lima "
                        + "(Brazil), Mr. Omar Sy (International Organization for Migration) and Ms. Jo Kim (Rise "
                        + "Survivor Network).",
                "3. The panellist from Brazil described cases in which victims had been prosecuted for offences "
                        + "they had been compelled to commit.");
        List<String> roster = annotations(report, "following panellists").topics();
        assertTrue(roster.isEmpty(), roster.toString());
        List<String> after = annotations(report, "compelled to commit").topics();
        assertTrue(after.contains("non-punishment"), after.toString());
    }

    @Test
    void aParagraphWithAListAndASubjectKeepsTheSubject() throws Exception {
        AnnotatedReport report = report("B. Deliberations",
                "2. The panellists were Ms. Ana Lima (Brazil) and Mr. Omar Sy (Senegal). Ms. Lima described the "
                        + "shelters available to victims of trafficking in her country.");
        List<String> topics = annotations(report, "The panellists were").topics();
        assertTrue(topics.contains("assistance-protection"), topics.toString());
    }

    @Test
    void aChairIntroducedByNameAndCountrySpeaks() throws Exception {
        AnnotatedReport report = report("B. Deliberations",
                "2. The Chair of the Working Group on Trafficking in Persons, Ms. Farida Benali (Morocco), "
                        + "presented the conclusions of the meeting.",
                "3. The President of the Conference summarized the discussion.",
                "4. Most of the States that replied reported new legislation.");
        assertTrue(annotations(report, "Farida Benali").speakerTypes().contains("chair"));
        assertEquals(List.of("chair"), annotations(report, "President of the Conference").speakerTypes());
        assertEquals(List.of("state"), annotations(report, "Most of the States").speakerTypes());
    }

    @Test
    void aPapersOverviewIsAboutNoneOfTheSubjectsItListsAndASecretariatsRepresentativeSpeaksForIt() throws Exception {
        AnnotatedReport report = report("B. Deliberations",
                "2. The present background paper has been prepared by the Secretariat. It describes the challenges "
                        + "in identifying victims and in applying the principle of non-punishment.",
                "3. A representative of the Secretariat provided an update on the review process and reported that "
                        + "71 country reviews were under way.");
        List<String> overview = annotations(report, "present background paper").topics();
        assertTrue(overview.isEmpty(), overview.toString());
        assertEquals(List.of("secretariat"), annotations(report, "country reviews").speakerTypes());
    }

    @Test
    void whatPanellistsAndAnOverviewGoOnToSayKeepsItsTopics() throws Exception {
        AnnotatedReport report = report("B. Deliberations",
                "2. The panellists were of the view that victims compelled to commit offences in online scam "
                        + "compounds should not be prosecuted.",
                "3. The present note summarizes the replies of 48 States. Most States reported that victims could "
                        + "claim compensation in criminal proceedings.",
                "4. The following panellists took part: Ms. Ana Lima (Brazil), who described cases of debt bondage "
                        + "in agriculture, and Mr. Omar Sy (Senegal).");
        assertTrue(annotations(report, "of the view").topics().contains("non-punishment"));
        assertTrue(annotations(report, "present note").topics().contains("access-to-justice"));
        assertTrue(annotations(report, "debt bondage").topics().contains("labour-exploitation"));
    }

    @Test
    void aStatementsTitleSpeaksOnlyAsWhomItNames() throws Exception {
        assertEquals(List.of("state"), statementSpeakers("Statement by the delegation of the Philippines"));
        assertEquals(List.of(), statementSpeakers("Statement on behalf of the Group of Friends against Trafficking"));
    }

    private List<String> statementSpeakers(String title) throws Exception {
        String text = "Working Group on Trafficking in Persons\nVienna, 2-4 July 2024\n\n" + title + "\n\n"
                + "Madam Chair, we welcome the focus of this agenda item on victims forced to commit crimes.\n"
                + "More than 300 victims have been repatriated from scam compounds in the past year.\n"
                + "We call for the non-punishment principle to be applied to all of them.\n"
                + "Thank you, Madam Chair.\n";
        AnnotatedReport report = enricher.annotate(new ReportReader().read(text.getBytes(StandardCharsets.UTF_8),
                "statement.txt"));
        return report.annotationsOf(report.report().units().getLast()).speakerTypes();
    }

    @Test
    void aStatementOnBehalfOfNgosSpeaksAsCivilSocietyThroughout() throws Exception {
        String text = "Working Group on Trafficking in Persons\nVienna, 13-15 October 2021\n\n"
                + "Joint statement on behalf of the Network of Survivors and 20 non-governmental organizations\n\n"
                + "Delivered by Ms. Ada Obi\n\n"
                + "Madam Co-Chair, distinguished delegates,\n"
                + "we welcome the decision of the Working Group to devote an item to survivors.\n"
                + "Participation must not be symbolic. Our members are rarely paid for their expertise.\n"
                + "Many of us were punished for offences we were forced to commit.\n"
                + "We call on States to remunerate survivors for their expertise.\n"
                + "We ask the Working Group to recommend guidance on survivor engagement.\n"
                + "Survivor-led organizations are often the first point of contact for victims.\n"
                + "They need funding that is predictable and accessible to small groups.\n"
                + "Nothing about us without us.\n"
                + "Thank you, Madam Co-Chair.\n";
        AnnotatedReport report = enricher.annotate(new ReportReader().read(text.getBytes(StandardCharsets.UTF_8),
                "statement.txt"));
        assertTrue(report.report().metadata().title().startsWith("Joint statement on behalf of"),
                report.report().metadata().title());
        for (Unit unit : report.report().units()) {
            assertEquals(List.of("civil-society"), report.annotationsOf(unit).speakerTypes(), unit.text());
        }
    }

    private AnnotatedReport report(String heading, String... paragraphs) throws Exception {
        String text = "United Nations\n\nCTOC/COP/WG.4/2025/2\n\nDistr.: General\n2 June 2025\n\n"
                + "Original: English\n\nReport on the meeting held in Vienna on 2 and 3 April 2025\n\n"
                + "I. Summary of deliberations\n\n1. The meeting was opened on 2 April 2025.\n\n" + heading + "\n\n"
                + String.join("\n\n", paragraphs) + "\n";
        return enricher.annotate(new ReportReader().read(text.getBytes(StandardCharsets.UTF_8), "report.txt"));
    }

    private static Annotations annotations(AnnotatedReport report, String words) {
        List<Unit> holding = report.report().units().stream().filter(u -> u.text().contains(words)).toList();
        assertEquals(1, holding.size(), words);
        return report.annotationsOf(holding.get(0));
    }
}
