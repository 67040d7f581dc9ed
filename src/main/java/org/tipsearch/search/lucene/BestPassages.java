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
    /** How many sentences of a precedent compete to be its matching wording: a long paragraph's whole, nearly. */
    private static final int PRECEDENT_CANDIDATES = 12;

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
            List<String> sentences = sentences(hit.unit().parsed().text(), CANDIDATES);
            if (sentences.isEmpty() || !deadline.allows()) {
                continue;
            }
            String best = closest(sentences, embeddings.query(query), embeddings); // the query embedded once
            out.set(i, withHighlight(hit, Html.escape(CutPassages.around(best, hit.unit().parsed().text()))));
        }
        return out;
    }

    /**
     * Precedents: each hit's sentence closest in meaning to the text its list was found for, marked as the matching
     * wording (rather than the words the two share, which are mostly the family's stock phrases: "States parties
     * should"), hit by hit while the deadline allows; a hit not reached keeps its highlight.
     */
    static List<Hit> markedByMeaning(List<Hit> hits, float[] meaning, Embeddings embeddings, Deadline deadline) {
        var out = new ArrayList<Hit>(hits);
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            List<String> sentences = sentences(hit.unit().parsed().text(), PRECEDENT_CANDIDATES);
            if (sentences.isEmpty() || !deadline.allows()) {
                continue;
            }
            String best = closest(sentences, meaning, embeddings);
            out.set(i, withHighlight(hit, CutPassages.around("<mark>" + Html.escape(best) + "</mark>", best,
                    hit.unit().parsed().text())));
        }
        return out;
    }

    /** The sentence whose embedding is closest to the given one. */
    private static String closest(List<String> sentences, float[] meaning, Embeddings embeddings) {
        List<float[]> candidates = embeddings.passages(sentences);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < sentences.size(); s++) {
            double score = cosine(meaning, candidates.get(s));
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return sentences.get(best);
    }

    private static Hit withHighlight(Hit hit, String highlight) {
        return new Hit(hit.unit(), hit.document(), hit.score(), highlight, hit.match(), hit.similarity());
    }

    /** The first sentences of a text, as candidates for its best passage (never cut after "Mr." or "para."). */
    private static List<String> sentences(String text, int most) {
        List<String> all = Sentences.of(text);
        return all.subList(0, Math.min(most, all.size()));
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
