package org.tipsearch.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipsearch.embed.Embedder;

/**
 * The embedding model, loaded on the first query that needs it so that the server starts without it, and the
 * embeddings of the latest queries and of the latest hits' sentences, least recently used out first.
 * Thread-safe.
 */
final class Embeddings {

    private static final int QUERY_CACHE = 1_024;
    /**
     * Sentences shown as the passage of a hit found by meaning: a repeated search, or the next page of one,
     * shows the same hits, whose sentences would cost ten to sixty embeddings a page (15 MB at most).
     */
    private static final int SENTENCE_CACHE = 10_000;

    private final Lazy<Embedder> embedder = new Lazy<>(Embedder::new);
    private final Map<String, float[]> queries = leastRecentlyUsed(QUERY_CACHE);
    private final Map<String, float[]> sentences = leastRecentlyUsed(SENTENCE_CACHE);

    private static Map<String, float[]> leastRecentlyUsed(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The embedding of a query, from the cache when the same words were asked lately. */
    float[] query(String words) {
        synchronized (queries) {
            float[] cached = queries.get(words);
            if (cached != null) {
                return cached;
            }
        }
        float[] vector = embedder.get().query(words);
        synchronized (queries) {
            queries.put(words, vector);
        }
        return vector;
    }

    /** Embeddings of passages, as they come. */
    List<float[]> passages(List<String> texts) {
        return embedder.get().passages(texts);
    }

    /** Embeddings of sentences of hits, those embedded lately from the cache, the others in one batch. */
    List<float[]> sentences(List<String> texts) {
        var vectors = new float[texts.size()][];
        var missing = new ArrayList<Integer>();
        synchronized (sentences) {
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = sentences.get(texts.get(i));
                if (vectors[i] == null) {
                    missing.add(i);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = passages(missing.stream().map(texts::get).toList());
            synchronized (sentences) {
                for (int j = 0; j < embedded.size(); j++) {
                    vectors[missing.get(j)] = embedded.get(j);
                    sentences.put(texts.get(missing.get(j)), embedded.get(j));
                }
            }
        }
        return Arrays.asList(vectors);
    }

    /** Forgets every cached embedding, so that a benchmark measures a search never made before. */
    void clear() {
        synchronized (queries) {
            queries.clear();
        }
        synchronized (sentences) {
            sentences.clear();
        }
    }
}
