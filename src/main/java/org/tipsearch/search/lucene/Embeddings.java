package org.tipsearch.search.lucene;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tipsearch.embed.Embedder;

/**
 * The embedding model, loaded on the first query that needs it so that the command line starts without it (a
 * server loads it in the background as it starts), and the embeddings of the latest queries and passages, the
 * least useful out first (Caffeine's bounded caches). Thread-safe.
 */
final class Embeddings {

    private static final int QUERY_CACHE = 1_024;
    /**
     * The sentences of a unit compete for its best passage in every search by meaning that finds it: without
     * their embeddings kept, a busy server spends most of its time embedding them again. Each takes 384 floats.
     */
    private static final int PASSAGE_CACHE = 4_096;

    private final Lazy<Embedder> embedder = new Lazy<>(Embedder::new);
    /** The thread loading the model in the background, if one was started. */
    private Thread loader;
    // Run in the caller's thread (Runnable::run): the model shares one run among its own threads, and a search
    // waits for its embeddings anyway. A failed load is not kept.
    private final AsyncCache<String, float[]> queries = Caffeine.newBuilder()
            .maximumSize(QUERY_CACHE).executor(Runnable::run).buildAsync();
    private final AsyncCache<String, float[]> passages = Caffeine.newBuilder()
            .maximumSize(PASSAGE_CACHE).executor(Runnable::run).buildAsync();

    /**
     * Loads the model, runs it once to warm it, then runs what else should be ready before the first query (what a
     * search embeds once, on first use), in a thread of its own while the caller goes on (a server opens its index
     * and sets up its routes meanwhile). A query that needs the model before it is ready waits
     * for it.
     */
    synchronized void loadInBackground(Runnable thenWarm) {
        loader = Thread.ofPlatform().name("model-loader").daemon().start(() -> {
            try {
                embedder.get().query("trafficking in persons");
                thenWarm.run();
            } catch (RuntimeException e) { // the first query that needs the model tries again, and says why it fails
                System.err.println("tipsearch: loading the embedding model failed: " + e.getMessage());
            }
        });
    }

    /**
     * Waits for a loading in the background, if one was started, to end: a server listens only then, and a process
     * that exits while the model's native runtime is still being set up crashes in it (seen when a server was
     * stopped within a second of starting).
     */
    synchronized void awaitLoading() throws InterruptedException {
        if (loader != null) {
            loader.join();
        }
    }

    /**
     * The embedding of a query, from the cache when the same words were asked lately; made once when many ask for
     * the same new words at once (a busy server just started), the others waiting for it.
     */
    float[] query(String words) {
        return joined(queries.get(words, w -> embedder.get().query(w)));
    }

    /**
     * The embeddings of passages: those embedded lately from the cache, the others embedded together, shared out
     * among the model's threads (one a core, this service's own), and kept; a passage another search is embedding
     * meanwhile is waited for, not embedded again. One search's candidate passages on both cores rather than one
     * after the other in its own thread: a server runs a few searches at once (its turns), so they queue there
     * behind a few others' passages at most.
     */
    List<float[]> passages(List<String> texts) {
        Map<String, float[]> vectors = joined(passages.getAll(texts, missing -> {
            List<String> ordered = List.copyOf(missing);
            List<float[]> made = embedder.get().passages(ordered);
            var out = new HashMap<String, float[]>(ordered.size() * 2);
            for (int i = 0; i < ordered.size(); i++) {
                out.put(ordered.get(i), made.get(i));
            }
            return out;
        }));
        return texts.stream().map(vectors::get).toList();
    }

    /** The value of a load, its failure thrown as the loader threw it (not wrapped), for its callers to read. */
    private static <T> T joined(CompletableFuture<T> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case null, default -> throw e;
            }
        }
    }

    /** The embedding of a draft, not kept: a pasted draft seldom comes again, and may be long. */
    float[] draft(String text) {
        return embedder.get().passage(text);
    }

    void clear() {
        queries.synchronous().invalidateAll();
        passages.synchronous().invalidateAll();
    }
}
