package org.tipsearch.search.lucene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;
import org.tipsearch.search.Hit;

/**
 * A query's meaning as the embedded engine reads it, for an engine that keeps the vectors elsewhere (the cluster):
 * its embedding, the topics it is about, the fusion of a ranking by words with one by meaning, and the sentence of
 * a hit closest to it. The same model, thresholds and weights as {@link PageSearch} and {@link SimilarUnits}, so
 * that both engines rank alike. Thread-safe.
 */
public final class QueryMeaning {

    /** How many nearest neighbours a search by meaning matches, whatever the page. */
    public static final int NEIGHBOURS = PageSearch.NEIGHBOURS;
    /** The least score, (1 + cosine) / 2, at which a neighbour is related to a query and joins its result set. */
    public static final float RELATED_SCORE = PageSearch.RELATED_SCORE;
    /** How deep the words' ranking counts in a search by words and meaning. */
    public static final int FUSION_DEPTH = PageSearch.FUSION_DEPTH;

    private final Embeddings embeddings = new Embeddings();
    private final TopicBridge topicBridge = new TopicBridge(embeddings);

    /** Loads the model in the background (a server's start), then embeds the topics' descriptions. */
    public void loadInBackground() {
        embeddings.loadInBackground(topicBridge::warm);
    }

    public void awaitLoading() throws InterruptedException {
        embeddings.awaitLoading();
    }

    /** Forgets the embeddings kept of earlier queries and passages. */
    public void clear() {
        embeddings.clear();
    }

    /** The embedding of what a query means (its words alone when it has syntax). */
    public float[] of(QueryIntent intent, QueryReader.ReadQuery read) {
        return embeddings.query(intent.meaning(read));
    }

    /** The embedding of a draft's text. */
    public float[] ofDraft(String text) {
        return embeddings.draft(text);
    }

    /** The topics a query names, and the one closest to its meaning if given (null when not searched by meaning). */
    public Set<String> topicsOf(String typed, float[] meaning) {
        return topicBridge.topicsOf(typed, meaning);
    }

    /** The hits, each found by meaning alone showing its sentence closest to the query rather than its opening. */
    public List<Hit> withClosestSentences(List<Hit> hits, String query) {
        return BestPassages.apply(hits, query, embeddings, new Deadline(null));
    }

    /** Precedents, each marked at its sentence closest in meaning to the text they were found for. */
    public List<Hit> markedByMeaning(List<Hit> hits, float[] meaning) {
        return BestPassages.markedByMeaning(hits, meaning, embeddings, new Deadline(null));
    }

    /** The cosine of two embeddings. */
    public static double cosine(float[] a, float[] b) {
        return BestPassages.cosine(a, b);
    }

    /** An item of a fused ranking, with its fused score. */
    public record Ranked<T>(T item, float score) {}

    /** A ranking by words and one by meaning fused as a search of this kind of query fuses them. */
    public static <T> List<Ranked<T>> fused(List<T> byWords, List<T> byMeaning, QueryIntent.Kind kind) {
        return fused(byWords, byMeaning, FUSION_DEPTH, kind.weights());
    }

    /** Precedents: the neighbours' ranking leading, the words' ranking refining it, as for the embedded index. */
    public static <T> List<Ranked<T>> fusedPrecedents(List<T> byMeaning, List<T> byWords) {
        return fused(byMeaning, byWords, byMeaning.size(), SimilarUnits.SIMILAR_WEIGHTS);
    }

    /** {@link RankFusion} over any items, numbered in their order of first appearance (ties go to the first). */
    private static <T> List<Ranked<T>> fused(List<T> leading, List<T> supporting, int depth, RankFusion.Weights weights) {
        var items = new ArrayList<T>();
        var numbers = new HashMap<T, Integer>();
        ScoreDoc[] lead = numbered(leading, items, numbers);
        ScoreDoc[] support = numbered(supporting, items, numbers);
        var out = new ArrayList<Ranked<T>>();
        for (ScoreDoc doc : RankFusion.fuse(lead, support, depth, weights)) {
            out.add(new Ranked<>(items.get(doc.doc), doc.score));
        }
        return out;
    }

    private static <T> ScoreDoc[] numbered(List<T> ranking, List<T> items, Map<T, Integer> numbers) {
        var docs = new ScoreDoc[ranking.size()];
        for (int i = 0; i < docs.length; i++) {
            T item = ranking.get(i);
            int number = numbers.computeIfAbsent(item, x -> {
                items.add(x);
                return items.size() - 1;
            });
            docs[i] = new ScoreDoc(number, 0);
        }
        return docs;
    }
}
