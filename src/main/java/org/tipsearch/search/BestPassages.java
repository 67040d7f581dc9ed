package org.tipsearch.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * A hit found by meaning alone has no word of the query to mark: it shows the sentence of it closest to the
 * query's meaning instead of its opening.
 */
final class BestPassages {

    /** How many sentences of such a hit compete to be its passage. */
    private static final int CANDIDATES = 6;

    private BestPassages() {}

    static List<Hit> apply(List<Hit> hits, String query, Embeddings embeddings) {
        var sentences = new ArrayList<String>();
        var owners = new ArrayList<Integer>();
        for (int i = 0; i < hits.size(); i++) {
            if (!hits.get(i).highlight().contains("<mark>")) {
                for (String sentence : sentences(hits.get(i).unit().paragraph().text())) {
                    sentences.add(sentence);
                    owners.add(i);
                }
            }
        }
        if (sentences.isEmpty()) {
            return hits;
        }
        float[] q = embeddings.query(query);
        List<float[]> vectors = embeddings.sentences(sentences);
        var best = new HashMap<Integer, Integer>();
        var bestScore = new HashMap<Integer, Double>();
        for (int s = 0; s < sentences.size(); s++) {
            double score = cosine(q, vectors.get(s));
            if (score > bestScore.getOrDefault(owners.get(s), Double.NEGATIVE_INFINITY)) {
                bestScore.put(owners.get(s), score);
                best.put(owners.get(s), s);
            }
        }
        var out = new ArrayList<Hit>(hits);
        best.forEach((i, s) -> {
            Hit h = hits.get(i);
            out.set(i, new Hit(h.unit(), h.document(), h.score(), Html.escape(sentences.get(s))));
        });
        return out;
    }

    /** The first sentences of a text, as candidates for its best passage. */
    private static List<String> sentences(String text) {
        var out = new ArrayList<String>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE && out.size() < CANDIDATES;
                start = end, end = it.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
