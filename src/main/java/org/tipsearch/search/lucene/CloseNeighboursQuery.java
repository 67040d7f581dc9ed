package org.tipsearch.search.lucene;

import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The nearest neighbours of a query's meaning that are close enough to be related to it: Lucene's k nearest,
 * less those whose similarity is below a floor. The nearest units of a query nothing in the reports is about
 * ("zzzxqvw", "recipe for chocolate cake") are not related to it, only nearest; without the floor every query
 * would match its k neighbours.
 */
final class CloseNeighboursQuery extends KnnFloatVectorQuery {

    private final float minScore;

    /**
     * @param minScore the least score a neighbour keeps: Lucene's cosine score, (1 + cosine) / 2
     */
    CloseNeighboursQuery(String field, float[] target, int k, Query filter, float minScore) {
        super(field, target, k, filter);
        this.minScore = minScore;
    }

    @Override
    protected TopDocs mergeLeafResults(TopDocs[] perLeafResults) {
        TopDocs merged = super.mergeLeafResults(perLeafResults);
        ScoreDoc[] close = Arrays.stream(merged.scoreDocs).filter(d -> d.score >= minScore).toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(close.length, merged.totalHits.relation()), close);
    }

    @Override
    public String toString(String field) {
        return super.toString(field) + "[score>=" + minScore + "]";
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof CloseNeighboursQuery other && other.minScore == minScore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), minScore);
    }
}
