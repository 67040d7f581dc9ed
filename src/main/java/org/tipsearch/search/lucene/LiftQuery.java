package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A query whose matches that also match another query score {@code factor} times as much: Lucene's
 * {@code FunctionScoreQuery.boostByQuery}, but telling its scorer's maximum score (the query's times the factor) and
 * passing a minimum competitive score on (divided by the factor), so that a ranking of words skips the blocks of
 * matches that cannot make the page, as it does without the lift. The same scores as Lucene's (a test compares
 * them). It matches what the query matches.
 */
final class LiftQuery extends Query {

    private final Query query;
    private final Query lifted;
    private final float factor;

    LiftQuery(Query query, Query lifted, float factor) {
        this.query = Objects.requireNonNull(query, "query");
        this.lifted = Objects.requireNonNull(lifted, "lifted");
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("a lift is a factor of 1 or more, not " + factor);
        }
        this.factor = factor;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        Query liftRewritten = lifted.rewrite(searcher);
        return rewritten == query && liftRewritten == lifted ? this : new LiftQuery(rewritten, liftRewritten, factor);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = query.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return inner;
        }
        Weight liftWeight = lifted.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new FilterWeight(this, inner) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier scorers = in.scorerSupplier(context);
                if (scorers == null) {
                    return null;
                }
                ScorerSupplier liftScorers = liftWeight.scorerSupplier(context);
                if (liftScorers == null) {
                    return scorers;
                }
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Lifted(scorers.get(leadCost), liftScorers.get(leadCost).iterator(), factor);
                    }

                    @Override
                    public long cost() {
                        return scorers.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        scorers.setTopLevelScoringClause();
                    }
                };
            }
        };
    }

    /** A scorer of the query, its score multiplied where the lifted query matches too. */
    private static final class Lifted extends FilterScorer {
        private final DocIdSetIterator liftedDocs;
        private final float factor;

        Lifted(Scorer in, DocIdSetIterator liftedDocs, float factor) {
            super(in);
            this.liftedDocs = liftedDocs;
            this.factor = factor;
        }

        @Override
        public float score() throws IOException {
            float score = in.score();
            int doc = docID();
            if (liftedDocs.docID() < doc) {
                liftedDocs.advance(doc);
            }
            return liftedDocs.docID() == doc ? score * factor : score;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo) * factor;
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            in.setMinCompetitiveScore(minScore / factor);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "lift(" + query.toString(field) + ", " + lifted.toString(field) + " ×" + factor + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((LiftQuery) other).query)
                && lifted.equals(((LiftQuery) other).lifted) && factor == ((LiftQuery) other).factor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), query, lifted, factor);
    }
}
