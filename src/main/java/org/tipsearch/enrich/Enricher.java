package org.tipsearch.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.tipsearch.analysis.SynonymGroup;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportKind;

/**
 * Annotates the units of a report: topics, speaker types and speakers, States and organizations named, and
 * the recommendations register. All rules come from the curator's resource files. Thread-safe once built.
 */
public final class Enricher {

    /** A full stop that ends a sentence ("Mr." and "U.S." do not). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:Mr|Ms|Mrs|Dr|No|U\\.S|St))[.:](?=\\s+\\p{Lu}|\\s*$)");

    private final PhraseMatcher matcher;
    private final PhraseMatcher nameMatcher;
    private final TopicTagger topics;
    private final SynonymGroupTagger synonymGroups;
    private final SpeakerDetector speakers;
    private final Gazetteer countries;
    private final Gazetteer organizations;
    private final RecommendationExtractor recommendations;

    /**
     * @param rulesAnalyzer the search analysis keeping stop words, for topic phrases ({@code TextAnalyzer.forRules()})
     * @param namesAnalyzer the same without stemming, for names of States and organizations ({@code TextAnalyzer.forNames()})
     */
    public Enricher(Analyzer rulesAnalyzer, Analyzer namesAnalyzer) {
        matcher = new PhraseMatcher(rulesAnalyzer);
        nameMatcher = new PhraseMatcher(namesAnalyzer);
        topics = new TopicTagger(Taxonomy.load(), matcher);
        synonymGroups = new SynonymGroupTagger(SynonymGroup.load(), matcher);
        countries = Gazetteer.countries(nameMatcher);
        organizations = Gazetteer.organizations(nameMatcher);
        speakers = new SpeakerDetector(SpeakerRules.load(), countries, organizations, nameMatcher);
        recommendations = new RecommendationExtractor(RecommendationRules.load());
    }

    public AnnotatedReport annotate(Report report) {
        Map<String, String> affiliations = speakers.affiliations(report.units());
        var annotations = new ArrayList<Annotations>();
        var register = new ArrayList<Recommendation>();
        List<String> contextSection = null;
        Set<String> contextTopics = Set.of();
        // A paper (a background paper, a note) is about its title's subject throughout; a meeting's report or a
        // dialogue's summary covers several items, each under its own heading.
        PhraseMatcher.Text title = matcher.text(report.metadata().title());
        Set<String> reportContexts = topics.contextsOf(report.metadata().body(), title);
        Set<String> paperTopics = report.metadata().kind() == ReportKind.REPORT
                ? topics.inheritableTopicsOf(title, reportContexts) : Set.of();
        for (Unit unit : report.units()) {
            PhraseMatcher.Text text = matcher.text(unit.text());
            PhraseMatcher.Text names = nameMatcher.text(unit.text());
            List<Gazetteer.Mention> orgs = organizations.find(names);
            // What the unit is about where it stands: its report's subjects, and those its headings name.
            var contexts = new java.util.HashSet<String>(reportContexts);
            unit.section().forEach(heading -> contexts.addAll(topics.contextsNamedIn(matcher.text(heading))));
            contexts.addAll(topics.contextsNamedIn(text));
            // an organization's name says nothing of the subject: IOM is no migration paragraph; nor does a list of
            // who took part ("the following panellists: … (Survivor Network)"), nor what a paper says it does
            List<Integer> sentenceEnds = sentenceEnds(unit.text());
            List<PhraseMatcher.Span> rosters = topics.rostersOf(text, unit.text(), sentenceEnds);
            var asides = new ArrayList<PhraseMatcher.Span>(rosters);
            asides.addAll(topics.overviewsOf(text, unit.text(), sentenceEnds));
            var unsaid = new ArrayList<PhraseMatcher.Span>(asides);
            orgs.forEach(o -> unsaid.add(o.span()));
            Set<String> own = topics.topicsOf(text, unsaid, contexts);
            if (!unit.section().equals(contextSection)) {
                contextSection = unit.section();
                contextTopics = Set.of();
            }
            if (topics.introducesContext(text)) {
                // What a panel or agenda item is about is said in the sentence that opens it, not by its roster.
                String opening = firstSentence(unit.text());
                int roster = rosters.stream().mapToInt(PhraseMatcher.Span::startOffset).min().orElse(opening.length());
                contextTopics = topics.openingTopicsOf(matcher.text(opening.substring(0, Math.min(roster,
                        opening.length()))), contexts);
            }
            // The topics a unit takes from where it stands: its headings, and the panel or agenda item it follows;
            // none for a unit that only says who took part or what its paper is, whose subject its headings are not.
            var inherited = new LinkedHashSet<String>();
            if (!aboutNothingElse(unit.text(), sentenceEnds, asides)) {
                inherited.addAll(contextTopics);
                inherited.addAll(paperTopics);
                unit.section().forEach(heading -> inherited.addAll(topics.inheritableTopicsOf(matcher.text(heading), contexts)));
            }
            var all = new LinkedHashSet<String>();
            if (!topics.procedural(unit.section())) {
                all.addAll(own);
                all.addAll(inherited);
            }

            List<String> countryNames = countries.find(names).stream()
                    .filter(c -> orgs.stream().noneMatch(o -> Gazetteer.overlaps(o.span(), c.span())))
                    .map(c -> c.entry().name())
                    .toList();
            SpeakerDetector.Speakers who = speakers.detect(unit, report.metadata().kind(), report.metadata().title(),
                    affiliations);

            var entries = new ArrayList<Recommendation>();
            for (RecommendationExtractor.Draft draft : recommendations.drafts(unit)) {
                PhraseMatcher.Text entryText = matcher.text(draft.text());
                var entryTopics = new LinkedHashSet<String>(topics.topicsOf(entryText,
                        organizations.find(nameMatcher.text(draft.text())).stream().map(Gazetteer.Mention::span).toList(),
                        contexts));
                entryTopics.addAll(inherited);
                entries.add(new Recommendation(draft.entryId(), unit.unitId(), draft.number(), draft.status(),
                        recommendations.addressee(draft.text()), recommendations.strength(draft.text()), draft.text(),
                        recommendations.subItems(draft.text()), List.copyOf(entryTopics), synonymGroups.mentionsOf(entryText)));
            }
            register.addAll(entries);
            var speakerTypes = new LinkedHashSet<String>(who.types());
            entries.stream().map(e -> recommendations.speakerType(e.status())).filter(t -> t != null).forEach(speakerTypes::add);
            annotations.add(new Annotations(List.copyOf(all), List.copyOf(speakerTypes), List.copyOf(who.names()),
                    countryNames, orgs.stream().map(o -> o.entry().name()).toList(),
                    entries.isEmpty() ? null : entries.get(0).status(), synonymGroups.mentionsOf(text)));
        }
        return new AnnotatedReport(report, annotations, register);
    }

    /** The character offsets at which the text's sentences end (at a stop), the text's end the last. */
    private static List<Integer> sentenceEnds(String text) {
        var ends = new ArrayList<Integer>();
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            if (text.charAt(end.start()) == '.') { // a colon opens the list it introduces
                ends.add(end.start() + 1);
            }
        }
        ends.add(text.length());
        return ends;
    }

    /**
     * Whether every sentence of the unit is a roster to its end, says what its paper is, or opens a panel or an
     * agenda item: who and what for, not what about.
     */
    private boolean aboutNothingElse(String text, List<Integer> sentenceEnds, List<PhraseMatcher.Span> asides) {
        if (asides.isEmpty()) {
            return false;
        }
        int from = 0;
        for (int end : sentenceEnds) {
            int start = from;
            boolean aside = asides.stream().anyMatch(r -> r.startOffset() >= start && r.startOffset() < end
                    && r.endOffset() >= end);
            String sentence = text.substring(start, end);
            if (!aside && !sentence.isBlank() && !topics.introducesContext(matcher.text(sentence))) {
                return false;
            }
            from = end;
        }
        return true;
    }

    private static String firstSentence(String text) {
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }
}
