package org.tipsearch.search.lucene;

import java.util.ArrayList;
import java.util.List;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Html;

/**
 * A hit found by meaning alone has no word of the query to mark: it shows the sentence of it closest to the
 * query's meaning instead of its opening.
 */
final class BestPassages {

    /** How many sentences of such a hit compete to be its passage. */
    private static final int CANDIDATES = 6;

    private BestPassages() {}

    /**
     * The hits with such a passage, hit by hit while the deadline allows (embedding a hit's sentences is the
     * costly part); a hit not reached keeps its opening.
     */
    static List<Hit> apply(List<Hit> hits, String query, Embeddings embeddings, Deadline deadline) {
        var out = new ArrayList<Hit>(hits);
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            if (hit.highlight().contains("<mark>")) {
                continue;
            }
            List<String> sentences = sentences(hit.unit().paragraph().text());
            if (sentences.isEmpty() || !deadline.allows()) {
                continue;
            }
            float[] q = embeddings.query(query); // embedded once, then from the cache
            List<float[]> candidates = embeddings.passages(sentences);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < sentences.size(); s++) {
                double score = cosine(q, candidates.get(s));
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            out.set(i, new Hit(hit.unit(), hit.document(), hit.score(),
                    Html.escape(CutPassages.around(sentences.get(best), hit.unit().paragraph().text())), hit.match(),
                    hit.similarity()));
        }
        return out;
    }

    /** The first sentences of a text, as candidates for its best passage (never cut after "Mr." or "para."). */
    private static List<String> sentences(String text) {
        List<String> all = Sentences.of(text);
        return all.subList(0, Math.min(CANDIDATES, all.size()));
    }

    /** The cosine similarity of two embeddings; 0 when either is all zeros. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
