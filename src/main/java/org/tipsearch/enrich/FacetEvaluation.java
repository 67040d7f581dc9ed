package org.tipsearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tipsearch.ingest.Unit;

/** Scores the speaker-type and topic annotations against hand labels. */
public final class FacetEvaluation {

    /** One label and how the annotations fared on it. */
    public record Outcome(String doc, String match, boolean found, boolean passed, String detail) {}

    /**
     * The figures: share of speaker labels met, share of required topics present, share of forbidden topics
     * present, and every label's outcome.
     */
    public record Scores(double speakerAccuracy, double topicMustRecall, double topicMustNotRate,
            List<Outcome> speakerOutcomes, List<Outcome> topicOutcomes) {}

    private FacetEvaluation() {}

    /** @param reports the annotated reports, by source file name */
    public static Scores score(FacetLabels labels, Map<String, AnnotatedReport> reports) {
        var speakerOutcomes = new ArrayList<Outcome>();
        int speakersMet = 0;
        for (FacetLabels.SpeakerLabel label : labels.speakerType()) {
            Optional<Annotations> a = find(reports, label.doc(), label.match());
            boolean met = a.isPresent() && a.get().speakerTypes().stream().anyMatch(label.speakerType()::contains);
            speakersMet += met ? 1 : 0;
            speakerOutcomes.add(new Outcome(label.doc(), label.match(), a.isPresent(), met,
                    "want one of " + label.speakerType() + ", got " + a.map(Annotations::speakerTypes).orElse(List.of())));
        }
        var topicOutcomes = new ArrayList<Outcome>();
        int must = 0;
        int mustMet = 0;
        int mustNot = 0;
        int mustNotHit = 0;
        for (FacetLabels.TopicLabel label : labels.topics()) {
            Optional<Annotations> a = find(reports, label.doc(), label.match());
            List<String> got = a.map(Annotations::topics).orElse(List.of());
            List<String> missing = label.must().stream().filter(t -> !got.contains(t)).toList();
            List<String> wrong = label.mustNot().stream().filter(got::contains).toList();
            must += label.must().size();
            mustMet += label.must().size() - missing.size();
            mustNot += label.mustNot().size();
            mustNotHit += wrong.size();
            topicOutcomes.add(new Outcome(label.doc(), label.match(), a.isPresent(), missing.isEmpty() && wrong.isEmpty(),
                    "missing " + missing + ", wrongly " + wrong + ", got " + got));
        }
        return new Scores(
                ratio(speakersMet, labels.speakerType().size()),
                ratio(mustMet, must),
                ratio(mustNotHit, mustNot),
                speakerOutcomes, topicOutcomes);
    }

    private static Optional<Annotations> find(Map<String, AnnotatedReport> reports, String doc, String match) {
        AnnotatedReport report = reports.get(doc);
        if (report == null) {
            return Optional.empty();
        }
        for (Unit p : report.report().units()) {
            if (p.text().contains(match)) {
                return Optional.of(report.annotationsOf(p));
            }
        }
        return Optional.empty();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
