package org.tipsearch.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Says which topics a piece of text is about, by the taxonomy's phrases. */
final class TopicTagger {

    private record CompiledTopic(String id, List<PhraseMatcher.Phrase> phrases, List<PhraseMatcher.Phrase> except,
            boolean inherit, List<PhraseMatcher.Phrase> headingPhrases) {}

    private final PhraseMatcher matcher;
    private final List<CompiledTopic> topics;
    private final List<PhraseMatcher.Phrase> introductions;
    private final Set<String> proceduralHeadings;

    TopicTagger(Taxonomy taxonomy, PhraseMatcher matcher) {
        this.matcher = matcher;
        this.topics = taxonomy.topics().stream()
                .map(t -> new CompiledTopic(t.id(), t.phrases().stream().map(matcher::phrase).toList(),
                        t.except().stream().map(matcher::phrase).toList(), t.inherit(),
                        t.headingPhrases().stream().map(matcher::phrase).toList()))
                .toList();
        this.introductions = taxonomy.contextIntroductions().stream().map(matcher::phrase).toList();
        this.proceduralHeadings = taxonomy.proceduralHeadings().stream().map(TopicTagger::headingWords)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a unit stands under a procedural heading (attendance, documentation, the agenda's or the report's
     * adoption), which is about no topic whatever its words name: an attendance list names NGOs, not civil society.
     */
    boolean procedural(List<String> section) {
        return !section.isEmpty() && proceduralHeadings.contains(headingWords(section.getLast()));
    }

    /** A heading without its label ("D. Attendance" → "attendance"), in lower case. */
    private static String headingWords(String heading) {
        return heading.replaceFirst("^(?:[IVXLC]+|[A-Z]|\\d{1,3})\\.\\s+", "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    Set<String> topicsOf(PhraseMatcher.Text text) {
        return topicsOf(text, List.of(), false);
    }

    /** The topics of a text, not counting what its names ({@code names}: spans by character offsets) say. */
    Set<String> topicsOf(PhraseMatcher.Text text, List<PhraseMatcher.Span> names) {
        return topicsOf(text, names, false);
    }

    /** The topics a heading or a panel's opening sentence passes on to the units under it. */
    Set<String> inheritableTopicsOf(PhraseMatcher.Text text) {
        return topicsOf(text, List.of(), true);
    }

    private Set<String> topicsOf(PhraseMatcher.Text text, List<PhraseMatcher.Span> names, boolean inheritableOnly) {
        var found = new LinkedHashSet<String>();
        for (CompiledTopic topic : topics) {
            if (inheritableOnly && !topic.inherit()) {
                if (topic.headingPhrases().stream().anyMatch(p -> matcher.contains(text, p))) {
                    found.add(topic.id()); // a heading about the cross-cutting topic itself passes it on
                }
                continue;
            }
            List<PhraseMatcher.Span> excluded = topic.except().stream()
                    .flatMap(p -> matcher.find(text, p).stream()).toList();
            boolean matches = topic.phrases().stream()
                    .flatMap(p -> matcher.find(text, p).stream())
                    .anyMatch(span -> excluded.stream().noneMatch(span::within)
                            && names.stream().noneMatch(name -> name.startOffset() <= span.startOffset()
                                    && span.endOffset() <= name.endOffset()));
            if (matches) {
                found.add(topic.id());
            }
        }
        return found;
    }

    /** Whether the text opens a panel or an agenda item, whose topics then hold for the units after it. */
    boolean introducesContext(PhraseMatcher.Text text) {
        return introductions.stream().anyMatch(p -> matcher.contains(text, p));
    }
}
