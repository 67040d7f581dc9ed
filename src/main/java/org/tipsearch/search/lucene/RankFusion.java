package org.tipsearch.search.lucene;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Weighted reciprocal rank fusion of two rankings: each gives a unit weight / (k + rank), the sum orders the
 * result. By default the leading ranking counts in full, the supporting one at {@link #SUPPORTING_WEIGHT}; a
 * search gives the weights its kind of query calls for (see {@link QueryIntent.Kind}).
 */
final class RankFusion {

    // A small k lets the first ranks of each ranking decide, as the judged queries want (the usual k = 60 with
    // equal weights ranked below keyword search alone); chosen with ./tipsearch eval --mode hybrid, on a plateau
    // from k 5 to 10 and a supporting weight from 0.4 to 0.6.
    private static final int K = 10;
    private static final float SUPPORTING_WEIGHT = 0.5f;

    private RankFusion() {}

    /** How much each ranking counts. */
    record Weights(float leading, float supporting) {
        static final Weights DEFAULT = new Weights(1f, SUPPORTING_WEIGHT);

        Weights {
            if (!(leading > 0) || !(supporting > 0)) {
                throw new IllegalArgumentException("weights must be positive: " + leading + ", " + supporting);
            }
        }
    }

    static ScoreDoc[] fuse(ScoreDoc[] leading, ScoreDoc[] supporting) {
        return fuse(leading, supporting, leading.length, Weights.DEFAULT);
    }

    /**
     * Fusion in which the leading ranking counts for a unit of the supporting one only down to {@code depth}.
     * Below it, the leading ranking's units come after every fused one, in its order, as they would anyway: so a
     * ranking read deeper (an export) begins with the same fusion as one read to the depth (a page).
     */
    static ScoreDoc[] fuse(ScoreDoc[] leading, ScoreDoc[] supporting, int depth, Weights weights) {
        var scores = new HashMap<Integer, Float>();
        for (int rank = 0; rank < supporting.length; rank++) {
            scores.merge(supporting[rank].doc, weights.supporting() / (K + rank + 1), Float::sum);
        }
        var supported = new HashSet<>(scores.keySet());
        for (int rank = 0; rank < leading.length; rank++) {
            if (rank < depth || !supported.contains(leading[rank].doc)) {
                scores.merge(leading[rank].doc, weights.leading() / (K + rank + 1), Float::sum);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                .toArray(ScoreDoc[]::new);
    }
}
