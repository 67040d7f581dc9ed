package org.tipsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipsearch.BundledReports;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.ingest.ReportReader;

/** The enrichment scored against the development labels, and the rules behind the figures. */
class FacetEvaluationTest {

    static final Map<String, AnnotatedReport> REPORTS = new HashMap<>();

    @BeforeAll
    static void annotate() throws Exception {
        var reader = new ReportReader();
        var enricher = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames());
        for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
            REPORTS.put(file.getFileName().toString(), enricher.annotate(reader.read(file)));
        }
    }

    private static Annotations of(String reportId, String unitId) {
        AnnotatedReport report = REPORTS.get(reportId + ".txt");
        Unit unit = report.report().units().stream().filter(p -> p.unitId().equals(unitId)).findFirst().orElseThrow();
        return report.annotationsOf(unit);
    }

    @Test
    void devLabelsMeetTheFloors() throws Exception {
        FacetEvaluation.Scores scores = FacetEvaluation.score(
                FacetLabels.read(Path.of("src/test/resources/eval/dev-labels.json")), REPORTS);
        assertTrue(scores.speakerAccuracy() >= 0.90, "speaker accuracy " + scores.speakerAccuracy() + scores.speakerOutcomes());
        assertTrue(scores.topicMustRecall() >= 0.90, "must recall " + scores.topicMustRecall() + scores.topicOutcomes());
        assertTrue(scores.topicMustNotRate() < 0.05, "mustNot rate " + scores.topicMustNotRate() + scores.topicOutcomes());
        assertTrue(scores.speakerOutcomes().stream().allMatch(FacetEvaluation.Outcome::found));
        assertTrue(scores.topicOutcomes().stream().allMatch(FacetEvaluation.Outcome::found));
    }

    @Test
    void aTopicNeedsTheParagraphToBeAboutIt() {
        // "Protocol to Prevent, Suppress and Punish Trafficking" is no non-punishment paragraph
        assertTrue(!of(BundledReports.WORKING_GROUP_2023, "para-1").topics().contains("non-punishment"));
        // "should not criminalize … compelled to commit" is
        assertTrue(of(BundledReports.DIALOGUE_2024, "para-47").topics().contains("non-punishment"));
        // a panel on organ removal makes its paragraphs organ-removal, though they do not name it
        assertTrue(of(BundledReports.DIALOGUE_2024, "para-22").topics().contains("organ-removal"));
        // the heading of an agenda item passes on its topic
        assertTrue(of(BundledReports.WORKING_GROUP_2023, "para-19").topics().contains("child-trafficking"));
    }

    @Test
    void speakersFromTheCuesOfTheText() {
        assertEquals(List.of("state"), of(BundledReports.WORKING_GROUP_2023, "para-14").speakerTypes()); // Ms. Axam
        assertEquals(List.of("Hilary Axam (United States of America)"), of(BundledReports.WORKING_GROUP_2023, "para-14").speakers());
        assertEquals(List.of("intergovernmental"), of(BundledReports.WORKING_GROUP_2023, "para-38").speakerTypes()); // INTERPOL
        assertEquals(List.of("state"), of(BundledReports.WORKING_GROUP_2023, "para-26").speakerTypes()); // several speakers
        assertEquals(List.of("academia"), of(BundledReports.DIALOGUE_2024, "para-18").speakerTypes());
        assertEquals(List.of(), of(BundledReports.WORKING_GROUP_2023, "para-44").speakerTypes()); // attendance
        assertEquals(List.of("chair"), of(BundledReports.WORKING_GROUP_2023, "annex-rec-3").speakerTypes());
        assertEquals(List.of("state"), of(BundledReports.WORKING_GROUP_2023, "rec-3").speakerTypes());
    }

    @Test
    void mentionsAreNormalised() {
        assertEquals(List.of("Colombia", "Egypt", "Türkiye"), of(BundledReports.WORKING_GROUP_2023, "para-34").countries());
        assertTrue(of(BundledReports.WORKING_GROUP_2023, "para-35").countries().contains("United States of America"));
        assertEquals(List.of("Iran (Islamic Republic of)"), of(BundledReports.WORKING_GROUP_2023, "para-37").countries());
        assertTrue(of(BundledReports.WORKING_GROUP_2023, "para-38").organizations().contains("International Criminal Police Organization"));
        // "Germán" is not Germany, and the Korea Association is no mention of Korea
        assertTrue(!of(BundledReports.WORKING_GROUP_2023, "para-32").countries().contains("Germany"));
        assertEquals(List.of(), of(BundledReports.DIALOGUE_2024, "para-20").countries());
    }

    @Test
    void theRegisterTypesEveryRecommendation() {
        List<Recommendation> wg = REPORTS.get(BundledReports.WORKING_GROUP_2023 + ".txt").recommendations();
        assertEquals(9, wg.stream().filter(r -> r.status() == RecommendationStatus.ADOPTED).count());
        assertEquals(10, wg.stream().filter(r -> r.status() == RecommendationStatus.PROPOSED).count());
        List<Recommendation> dialogue = REPORTS.get(BundledReports.DIALOGUE_2022 + ".txt").recommendations();
        assertEquals(List.of("para-9.1", "para-9.2", "para-9.3", "para-15.1", "para-15.2", "para-15.3"),
                dialogue.stream().map(Recommendation::entryId).toList());
        assertTrue(dialogue.get(0).text().startsWith("States should exempt victims of trafficking from punishment"));
        List<Recommendation> observations = REPORTS.get(BundledReports.DIALOGUE_2024 + ".txt").recommendations();
        assertEquals(9, observations.size());
        assertTrue(observations.stream().allMatch(r -> r.status() == RecommendationStatus.OBSERVATION));
        Recommendation called = wg.stream().filter(r -> r.entryId().equals("annex-rec-9")).findFirst().orElseThrow();
        assertEquals("called upon", called.strength());
        assertEquals("States parties", called.addressee());
    }
}
