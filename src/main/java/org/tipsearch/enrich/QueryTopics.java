package org.tipsearch.enrich;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The topics a query names by the taxonomy's phrases, read as a unit's own text is read (inflections, hyphens and
 * {@code except} phrases alike), so that a query and the units tagged with a topic meet on the same rules.
 */
public final class QueryTopics {

    private final Taxonomy taxonomy = Taxonomy.load();
    private final PhraseMatcher matcher;
    private final TopicTagger tagger;

    /** @param rulesAnalyzer the analysis enrichment reads topic phrases with ({@code TextAnalyzer.forRules()}) */
    public QueryTopics(Analyzer rulesAnalyzer) {
        matcher = new PhraseMatcher(rulesAnalyzer);
        tagger = new TopicTagger(taxonomy, matcher);
    }

    /** The ids of the topics whose phrases the text holds. */
    public Set<String> named(String text) {
        return tagger.topicsOf(matcher.text(text));
    }

    /** Every topic, in the taxonomy's order. */
    public List<Taxonomy.Topic> topics() {
        return taxonomy.topics();
    }
}
