package org.tipsearch.search.lucene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.RecommendationStatus;

/**
 * What a query asks for, read from its wording (see {@link QueryIntents}), and how its rankings follow from it.
 *
 * @param kind     how it asks
 * @param searched the words to search the text for: the query without its framing words ("how", "should",
 *                 "recommendations"), or the query as typed
 * @param typed    the query as typed
 * @param topics   the taxonomy's topics the query is about (see {@link TopicBridge}), whose units rank higher
 */
public record QueryIntent(Kind kind, String searched, String typed, Set<String> topics) {

    /**
     * How a query asks, and how much its words' and its meaning's rankings count in a hybrid search's fusion.
     * Tuned on the tuning half of the judged queries of our own (src/test/resources/eval/user-queries-tune.json).
     */
    public enum Kind {
        /** A bare theme of a few words: its words lead. */
        THEME(new RankFusion.Weights(1f, 0.5f)),
        /** A question or a description in the user's own words, whose paragraphs may use other words. */
        QUESTION(new RankFusion.Weights(1f, 1f)),
        /** A request for recommendations on a subject. */
        RECOMMENDATIONS(new RankFusion.Weights(1f, 1f)),
        /** Query syntax, taken as written. */
        SYNTAX(RankFusion.Weights.DEFAULT);

        private final RankFusion.Weights weights;

        Kind(RankFusion.Weights weights) {
            this.weights = weights;
        }

        RankFusion.Weights weights() {
            return weights;
        }
    }

    // The lifts, chosen on the tuning half of the judged queries (README, Relevance): soft, so that a unit with the
    // query's words but not its topic still ranks; a larger register lift pushed relevant deliberations out.
    /** How much more a unit of the register counts in a ranking when a query asks for recommendations. */
    private static final float REGISTER_LIFT = 1.2f;
    private static final Query REGISTER_UNITS = registerUnits();
    /** How much more a unit tagged with one of the query's topics counts in a ranking. */
    private static final float TOPIC_LIFT = 1.5f;

    public QueryIntent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(searched, "searched");
        Objects.requireNonNull(typed, "typed");
        topics = Set.copyOf(topics);
    }

    QueryIntent(Kind kind, String searched, String typed) {
        this(kind, searched, typed, Set.of());
    }

    /** This intent about the topics found in the query (see {@code TopicBridge}). */
    public QueryIntent withTopics(Set<String> found) {
        return new QueryIntent(kind, searched, typed, found);
    }

    /** Whether the query asks for recommendations, so that the register's units on its subject rank higher. */
    boolean asksForRecommendations() {
        return kind == Kind.RECOMMENDATIONS;
    }

    /** The text whose meaning is searched: the whole query as typed, or its words when it has syntax. */
    public String meaning(QueryReader.ReadQuery read) {
        return kind == Kind.SYNTAX ? read.words() : typed;
    }

    /**
     * A ranking query as this intent ranks it: a unit tagged with one of the query's topics counts more, and, for a
     * request for recommendations, so does a unit of the register (adopted, proposed, observations, stakeholders'
     * points). Soft lifts that multiply a score ({@link LiftQuery}): the query matches what it matched, so the result
     * set, its counts and its export stay as they were.
     */
    Query ranked(Query query) {
        Query ranked = query;
        for (Lift lift : lifts()) {
            ranked = new LiftQuery(ranked, lift.lifted(), lift.factor());
        }
        return ranked;
    }

    /**
     * A soft lift of a ranking: a match that also matches {@code lifted} scores {@code factor} times as much.
     *
     * @param factor at least 1
     */
    public record Lift(Query lifted, float factor) {
        public Lift {
            Objects.requireNonNull(lifted, "lifted");
            if (!(factor >= 1)) {
                throw new IllegalArgumentException("a lift is a factor of 1 or more, not " + factor);
            }
        }
    }

    /**
     * The lifts this intent ranks by, innermost first ({@link #ranked}): the register's units for a request for
     * recommendations, then the units of the query's topics. Data, so that an engine other than Lucene applies
     * them its own way.
     */
    public List<Lift> lifts() {
        var lifts = new ArrayList<Lift>();
        if (asksForRecommendations()) {
            lifts.add(new Lift(REGISTER_UNITS, REGISTER_LIFT));
        }
        if (!topics.isEmpty()) {
            lifts.add(new Lift(anyOf(Schema.TOPIC, topics), TOPIC_LIFT));
        }
        return List.copyOf(lifts);
    }

    private static Query registerUnits() {
        return anyOf(Schema.STATUS, Arrays.stream(RecommendationStatus.values()).map(RecommendationStatus::id).toList());
    }

    /** The units holding any of the values in a keyword field. */
    private static Query anyOf(String field, Collection<String> values) {
        var any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, Schema.keyword(v))), BooleanClause.Occur.SHOULD));
        return any.build();
    }
}
