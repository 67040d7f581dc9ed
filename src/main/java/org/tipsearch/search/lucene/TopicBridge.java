package org.tipsearch.search.lucene;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.QueryTopics;
import org.tipsearch.enrich.Taxonomy;

/**
 * The taxonomy as a bridge between a query and the units tagged with a topic: the topics a query names by their
 * phrases, and, when its meaning is searched, the topic whose label and description are closest to its meaning.
 * A unit takes its topics from its own text, its headings and the panel it follows, so a topic reaches the panel's
 * paragraphs that never repeat the panel's subject. Thread-safe.
 */
final class TopicBridge {

    /**
     * How close (cosine, bge-small-en-v1.5) a query's meaning must be to a topic's label and description for the
     * query to be about the topic: a question in everyday words seldom names a topic's phrase. Chosen on the tuning
     * half; a query far from every topic ("recipe for chocolate cake") stays under it.
     */
    private static final float MEANING_THRESHOLD = 0.65f;

    private final QueryTopics named = new QueryTopics(TextAnalyzer.forRules());
    /** Each topic's label and description embedded, once, on the first query searched by meaning. */
    private final Lazy<List<float[]>> described;

    TopicBridge(Embeddings embeddings) {
        this.described = new Lazy<>(() -> embeddings.passages(named.topics().stream()
                .map(t -> t.label() + ". " + t.description()).toList()));
    }

    /** Embeds the topics' descriptions now rather than on the first query searched by meaning. */
    void warm() {
        described.get();
    }

    /**
     * The topics of a query: those it names, and the closest by meaning when its vector is given (null when its
     * meaning is not searched).
     */
    Set<String> topicsOf(String query, float[] meaning) {
        var topics = new LinkedHashSet<>(named.named(query));
        if (meaning != null) {
            List<float[]> vectors = described.get();
            List<Taxonomy.Topic> all = named.topics();
            int best = -1;
            float bestScore = MEANING_THRESHOLD;
            for (int i = 0; i < all.size(); i++) {
                float score = VectorUtil.cosine(meaning, vectors.get(i));
                if (score >= bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best >= 0) {
                topics.add(all.get(best).id());
            }
        }
        return topics;
    }
}
