package org.tipsearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipsearch.embed.Embedder;

/**
 * The embedding model, loaded on the first query that needs it so that the server starts without it, and the
 * embeddings of the latest queries, least recently used out first. Thread-safe.
 */
final class Embeddings {

    private static final int QUERY_CACHE = 1_024;

    private final Lazy<Embedder> embedder = new Lazy<>(Embedder::new);
    private final Map<String, float[]> queries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > QUERY_CACHE;
        }
    };

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

    List<float[]> passages(List<String> texts) {
        return embedder.get().passages(texts);
    }

    void clearQueries() {
        synchronized (queries) {
            queries.clear();
        }
    }
}
