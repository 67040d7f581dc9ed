package org.tipsearch.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Says which topics a piece of text is about, by the taxonomy's phrases. */
final class TopicTagger {

    private record CompiledTopic(String id, List<PhraseMatcher.Phrase> phrases, List<PhraseMatcher.Phrase> except,
            boolean inherit, List<PhraseMatcher.Phrase> headingPhrases,
            Map<String, List<PhraseMatcher.Phrase>> contextPhrases) {}

    private record CompiledContext(String id, Set<String> bodies, List<PhraseMatcher.Phrase> phrases) {}

    /** Where a list of names gives way to what one of them said: ", who described …". */
    private static final Pattern ROSTER_CLAUSE = Pattern.compile(",\\s+(?:who|which)\\s");

    private final PhraseMatcher matcher;
    private final List<CompiledTopic> topics;
    private final List<PhraseMatcher.Phrase> introductions;
    private final List<PhraseMatcher.Phrase> rosters;
    private final List<PhraseMatcher.Phrase> overviews;
    private final Set<String> proceduralHeadings;
    private final List<CompiledContext> contexts;

    TopicTagger(Taxonomy taxonomy, PhraseMatcher matcher) {
        this.matcher = matcher;
        this.topics = taxonomy.topics().stream()
                .map(t -> new CompiledTopic(t.id(), t.phrases().stream().map(matcher::phrase).toList(),
                        t.except().stream().map(matcher::phrase).toList(), t.inherit(),
                        t.headingPhrases().stream().map(matcher::phrase).toList(),
                        t.contextPhrases().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                                e -> e.getValue().stream().map(matcher::phrase).toList()))))
                .toList();
        this.contexts = taxonomy.contexts().stream()
                .map(c -> new CompiledContext(c.id(), Set.copyOf(c.bodies()),
                        c.phrases().stream().map(matcher::phrase).toList()))
                .toList();
        this.introductions = taxonomy.contextIntroductions().stream().map(matcher::phrase).toList();
        this.rosters = taxonomy.rosterPhrases().stream().map(matcher::phrase).toList();
        this.overviews = taxonomy.overviewOpenings().stream().map(matcher::phrase).toList();
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

    /** The topics of a query's text: every context holds, as the search is over reports of the family. */
    Set<String> topicsOf(PhraseMatcher.Text text) {
        return topicsOf(text, List.of(), false, true,
                contexts.stream().map(CompiledContext::id).collect(Collectors.toSet()));
    }

    /**
     * The topics of a text, not counting what its names ({@code names}: spans by character offsets) say, where the
     * {@code contexts} hold (besides those the text itself names).
     */
    Set<String> topicsOf(PhraseMatcher.Text text, List<PhraseMatcher.Span> names, Set<String> contexts) {
        return topicsOf(text, names, false, true, contexts);
    }

    /** The topics a heading or a paper's title passes on to the units under it. */
    Set<String> inheritableTopicsOf(PhraseMatcher.Text text, Set<String> contexts) {
        return topicsOf(text, List.of(), true, true, contexts);
    }

    /**
     * The topics a panel's opening sentence passes on to the units after it: not by words that need a context, which
     * name a group or a setting there ("the use of firearms in mines where children worked"), not the panel's
     * subject as a heading names it.
     */
    Set<String> openingTopicsOf(PhraseMatcher.Text text, Set<String> contexts) {
        return topicsOf(text, List.of(), true, false, contexts);
    }

    /** The contexts that hold throughout a report: its body's, and those its title names. */
    Set<String> contextsOf(String body, PhraseMatcher.Text title) {
        var found = new HashSet<String>(contextsNamedIn(title));
        if (body != null) {
            contexts.stream().filter(c -> c.bodies().contains(body)).forEach(c -> found.add(c.id()));
        }
        return found;
    }

    /** The contexts whose phrases the text holds. */
    Set<String> contextsNamedIn(PhraseMatcher.Text text) {
        return contexts.stream()
                .filter(c -> c.phrases().stream().anyMatch(p -> matcher.contains(text, p)))
                .map(CompiledContext::id)
                .collect(Collectors.toSet());
    }

    private Set<String> topicsOf(PhraseMatcher.Text text, List<PhraseMatcher.Span> names, boolean inheritableOnly,
            boolean contextPhrases, Set<String> contexts) {
        var found = new LinkedHashSet<String>();
        Set<String> holding = null; // read only when a topic has phrases that need a context
        for (CompiledTopic topic : topics) {
            if (inheritableOnly && !topic.inherit()) {
                if (topic.headingPhrases().stream().anyMatch(p -> matcher.contains(text, p))) {
                    found.add(topic.id()); // a heading about the cross-cutting topic itself passes it on
                }
                continue;
            }
            List<PhraseMatcher.Phrase> phrases = topic.phrases();
            if (contextPhrases && !topic.contextPhrases().isEmpty()) {
                if (holding == null) {
                    holding = new HashSet<>(contexts);
                    holding.addAll(contextsNamedIn(text));
                }
                for (var entry : topic.contextPhrases().entrySet()) {
                    if (holding.contains(entry.getKey())) {
                        phrases = java.util.stream.Stream.concat(phrases.stream(), entry.getValue().stream()).toList();
                    }
                }
            }
            List<PhraseMatcher.Span> excluded = topic.except().stream()
                    .flatMap(p -> matcher.find(text, p).stream()).toList();
            boolean matches = phrases.stream()
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

    /**
     * Where a sentence lists who took part ("facilitated by the following panellists: …"): from the colon after the
     * roster's phrase to the sentence's end ({@code sentenceEnds}: character offsets of {@code raw}), or to a clause
     * about what one of them said (", who described …"), as spans of names that say nothing of the subject
     * ("Survivor Network", "Organization for Migration").
     */
    List<PhraseMatcher.Span> rostersOf(PhraseMatcher.Text text, String raw, List<Integer> sentenceEnds) {
        var out = new ArrayList<PhraseMatcher.Span>();
        for (var span : rosters.stream().flatMap(p -> matcher.find(text, p).stream()).toList()) {
            int sentenceEnd = sentenceEnds.stream().filter(end -> end >= span.endOffset()).findFirst().orElse(raw.length());
            int colon = raw.indexOf(':', span.endOffset());
            if (colon < 0 || colon >= sentenceEnd) {
                continue; // no list follows: "the following panellists led the discussion on …"
            }
            Matcher clause = ROSTER_CLAUSE.matcher(raw).region(colon, sentenceEnd);
            out.add(new PhraseMatcher.Span(span.start(), span.end(), colon, clause.find() ? clause.start() : sentenceEnd));
        }
        return out;
    }

    /**
     * The sentences that say what their paper is and does, opening with one of the taxonomy's overview phrases
     * ("The present background paper has been prepared …", "It draws on …"), as spans of {@code raw}.
     */
    List<PhraseMatcher.Span> overviewsOf(PhraseMatcher.Text text, String raw, List<Integer> sentenceEnds) {
        var out = new ArrayList<PhraseMatcher.Span>();
        for (var span : overviews.stream().flatMap(p -> matcher.find(text, p).stream()).toList()) {
            int start = 0;
            for (int end : sentenceEnds) {
                if (span.startOffset() < end) {
                    break;
                }
                start = end;
            }
            int sentenceStart = start;
            int sentenceEnd = sentenceEnds.stream().filter(end -> end > span.startOffset()).findFirst().orElse(raw.length());
            if (raw.substring(sentenceStart, span.startOffset()).isBlank()) {
                out.add(new PhraseMatcher.Span(span.start(), span.end(), sentenceStart, sentenceEnd));
            }
        }
        return out;
    }

    /** Whether the text opens a panel or an agenda item, whose topics then hold for the units after it. */
    boolean introducesContext(PhraseMatcher.Text text) {
        return introductions.stream().anyMatch(p -> matcher.contains(text, p));
    }
}
