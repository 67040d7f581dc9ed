package org.tipsearch.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tipsearch.curation.CuratorFiles;

/** The topic taxonomy, loaded from the curator's {@code topics.json}. */
public record Taxonomy(String about, List<String> proceduralHeadings, List<String> contextIntroductions,
        List<Topic> topics) {

    /**
     * One topic and the phrases that mark it; {@code inherit} false for a cross-cutting topic that a unit does
     * not take from its headings or the panel it follows, unless that heading or panel is about the topic itself:
     * one of its {@code headingPhrases} ("Extradition" over a section passes international cooperation on).
     */
    public record Topic(String id, String label, String description, List<String> phrases, List<String> except,
            Boolean inherit, List<String> headingPhrases) {
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
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("topic " + id + " has no phrases");
            }
        }
    }

    public Taxonomy {
        proceduralHeadings = proceduralHeadings == null ? List.of() : List.copyOf(proceduralHeadings);
        contextIntroductions = List.copyOf(contextIntroductions);
        topics = List.copyOf(topics);
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
