package org.tipsearch.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tipsearch.curation.CuratorFiles;

/** The topic taxonomy, loaded from the curator's {@code topics.json}. */
public record Taxonomy(String about, List<String> proceduralHeadings, List<String> contextIntroductions,
        List<String> rosterPhrases, List<String> overviewOpenings, List<Context> contexts, List<Topic> topics) {

    /**
     * A subject a report or a unit may be about, which some phrases need before they mark a topic: "children" is
     * child trafficking in a report on trafficking in persons, not in one on firearms. It holds in the reports of
     * its {@code bodies}, and in a unit whose text, headings or report's title hold one of its {@code phrases}.
     */
    public record Context(String id, String about, List<String> bodies, List<String> phrases) {
        public Context {
            Objects.requireNonNull(id, "context id");
            bodies = bodies == null ? List.of() : List.copyOf(bodies);
            phrases = List.copyOf(phrases);
        }
    }

    /**
     * One topic and the phrases that mark it; {@code inherit} false for a cross-cutting topic that a unit does
     * not take from its headings or the panel it follows, unless that heading or panel is about the topic itself:
     * one of its {@code headingPhrases} ("Extradition" over a section passes international cooperation on).
     * {@code contextPhrases} mark the topic only where their context holds, by the context's id.
     */
    public record Topic(String id, String label, String description, List<String> phrases, List<String> except,
            Boolean inherit, List<String> headingPhrases, Map<String, List<String>> contextPhrases) {
        private static final Pattern ID = Pattern.compile("[a-z]+(?:-[a-z]+)*");

        public Topic {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(description, "description");
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("topic id must be lower-case words joined by '-': " + id);
            }
            phrases = List.copyOf(phrases);
            except = except == null ? List.of() : List.copyOf(except);
            inherit = inherit == null || inherit;
            headingPhrases = headingPhrases == null ? List.of() : List.copyOf(headingPhrases);
            contextPhrases = contextPhrases == null ? Map.of() : Map.copyOf(contextPhrases);
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("topic " + id + " has no phrases");
            }
        }
    }

    public Taxonomy {
        proceduralHeadings = proceduralHeadings == null ? List.of() : List.copyOf(proceduralHeadings);
        contextIntroductions = List.copyOf(contextIntroductions);
        rosterPhrases = rosterPhrases == null ? List.of() : List.copyOf(rosterPhrases);
        overviewOpenings = overviewOpenings == null ? List.of() : List.copyOf(overviewOpenings);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        topics = List.copyOf(topics);
        var contextIds = new HashSet<String>();
        contexts.forEach(c -> contextIds.add(c.id()));
        topics.forEach(t -> t.contextPhrases().keySet().forEach(c -> {
            if (!contextIds.contains(c)) {
                throw new IllegalArgumentException("topic " + t.id() + " names an undefined context: " + c);
            }
        }));
        var ids = new HashSet<String>();
        topics.forEach(t -> {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("topic " + t.id() + " is defined twice");
            }
        });
    }

    public static Taxonomy load() {
        return CuratorFiles.json(Taxonomy.class, "topics.json", Taxonomy.class);
    }
}
