package org.tipsearch.search.lucene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.tipsearch.embed.Embedder;

/**
 * The embedding model, loaded on the first query that needs it so that the command line starts without it (a
 * server loads it in the background as it starts), and the embeddings of the latest queries and passages, least
 * recently used out first. Thread-safe.
 */
final class Embeddings {

    private static final int QUERY_CACHE = 1_024;
    /**
     * The sentences of a unit compete for its best passage in every search by meaning that finds it: without
     * their embeddings kept, three quarters of a busy server's time went into embedding them again. 4,096 of
     * them take some 6 MB.
     */
    private static final int PASSAGE_CACHE = 4_096;

    private final Lazy<Embedder> embedder = new Lazy<>(Embedder::new);
    /** The thread loading the model in the background, if one was started. */
    private Thread loader;
    private final Map<String, CompletableFuture<float[]>> queries = leastRecentlyUsed(QUERY_CACHE);
    private final Map<String, CompletableFuture<float[]>> passages = leastRecentlyUsed(PASSAGE_CACHE);

    private static Map<String, CompletableFuture<float[]>> leastRecentlyUsed(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<float[]>> eldest) {
                return size() > capacity;
            }
        };
    }

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

    /** The embedding of a query, from the cache when the same words were asked lately. */
    float[] query(String words) {
        return cached(queries, List.of(words), texts -> List.of(embedder.get().query(texts.get(0)))).get(0);
    }

    /**
     * The embeddings of passages: those embedded lately from the cache, the others embedded together, shared out
     * among the model's threads (one a core, this service's own), and kept. One search's candidate passages on
     * both cores rather than one after the other in its own thread: a server runs a few searches at once (its
     * turns), so they queue there behind a few others' passages at most.
     */
    List<float[]> passages(List<String> texts) {
        return cached(passages, texts, missing -> embedder.get().passages(missing));
    }

    /**
     * The embeddings from the cache, or made now, outside the lock, by the first request that needs them while
     * the others that need them meanwhile wait for it: when many requests bring the same new words at once (a
     * busy server just started), each embedding them again would take the cores from all.
     */
    private static List<float[]> cached(Map<String, CompletableFuture<float[]>> cache, List<String> texts,
            Function<List<String>, List<float[]>> embed) {
        var mine = new LinkedHashMap<String, CompletableFuture<float[]>>();
        var all = new ArrayList<CompletableFuture<float[]>>(texts.size());
        synchronized (cache) {
            for (String text : texts) {
                CompletableFuture<float[]> known = cache.get(text);
                if (known == null) {
                    known = mine.computeIfAbsent(text, t -> new CompletableFuture<>());
                    cache.put(text, known);
                }
                all.add(known);
            }
        }
        if (!mine.isEmpty()) {
            try {
                List<float[]> vectors = embed.apply(List.copyOf(mine.keySet()));
                int i = 0;
                for (CompletableFuture<float[]> made : mine.values()) {
                    made.complete(vectors.get(i++));
                }
            } catch (RuntimeException | Error e) { // an error too: a text left waiting would hold its askers for ever
                synchronized (cache) {
                    mine.forEach(cache::remove);
                }
                mine.values().forEach(made -> made.completeExceptionally(e));
                throw e;
            }
        }
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** The embedding of a draft, not kept: a pasted draft seldom comes again, and may be long. */
    float[] draft(String text) {
        return embedder.get().passage(text);
    }

    void clear() {
        synchronized (queries) {
            queries.clear();
        }
        synchronized (passages) {
            passages.clear();
        }
    }
}
