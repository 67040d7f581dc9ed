package org.tipsearch.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.lucene.util.IOSupplier;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;

/**
 * The pages of results a server answered lately, for as long as the view of the index they came from is the
 * current one, least recently asked out first. A public endpoint is asked the same pages again and again (a
 * widget's preset search, a link shared around, the first page of a popular query); each costs a search, its
 * facet counts and its highlighting otherwise. Whole answers only: a partial one depends on the load of the
 * moment. Thread-safe.
 */
final class PageCache {

    private final int maxPages;
    private final int maxHits;
    private final Map<SearchRequest, SearchResults<?>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Flight, CompletableFuture<SearchResults<?>>> inFlight = new ConcurrentHashMap<>();
    /** The index version the cached pages come from. */
    private long version = -1;
    private int hits;

    /**
     * @param maxPages the most pages held; 0 holds none
     * @param maxHits  the most hits held across the pages, which bounds the memory the pages take (about 2 KB a hit)
     */
    PageCache(int maxPages, int maxHits) {
        if (maxPages < 0 || maxHits < 0) {
            throw new IllegalArgumentException("a page cache holds 0 or more pages and hits");
        }
        this.maxPages = maxPages;
        this.maxHits = maxHits;
    }

    /**
     * The page from the cache; else, if the same page is being searched for already, that search's answer (a
     * popular query asked by many at once is searched once, not by each of them on the cores they share); else
     * the search's own answer, kept if whole. A follower waits as long as the search it follows, which its wait
     * for a turn and its own budget bound: a follower that gave up at its budget would answer 503 where the
     * search it followed, begun a little earlier, answers in time or partial.
     */
    SearchResults<?> answer(long indexVersion, SearchRequest request, IOSupplier<SearchResults<?>> search)
            throws IOException {
        SearchResults<?> cached = get(indexVersion, request);
        if (cached != null) {
            return cached;
        }
        var key = new Flight(indexVersion, request);
        var mine = new CompletableFuture<SearchResults<?>>();
        CompletableFuture<SearchResults<?>> theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            return followed(theirs);
        }
        try {
            SearchResults<?> results = search.get();
            put(indexVersion, results);
            mine.complete(results);
            return results;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The answer of the search a request followed; its failure is the follower's. */
    private static SearchResults<?> followed(CompletableFuture<SearchResults<?>> search) throws IOException {
        try {
            return search.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a search");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private record Flight(long indexVersion, SearchRequest request) {}

    /** The page answered to the request on this version of the index, or null. */
    synchronized SearchResults<?> get(long indexVersion, SearchRequest request) {
        return indexVersion == version ? pages.get(request) : null;
    }

    /**
     * Keeps a whole answer given on this version of the index; a newer version drops the pages of the older. An
     * answer from an older version than the pages held is not kept: a search that waited for its turn runs on the
     * view it arrived with, which may predate the last reopening.
     */
    synchronized void put(long indexVersion, SearchResults<?> page) {
        if (page.partial() || page.hits().size() > maxHits || maxPages == 0 || indexVersion < version) {
            return;
        }
        if (indexVersion != version) {
            pages.clear();
            hits = 0;
            version = indexVersion;
        }
        SearchResults<?> replaced = pages.put(page.request(), page);
        hits += page.hits().size() - (replaced == null ? 0 : replaced.hits().size());
        Iterator<SearchResults<?>> eldest = pages.values().iterator();
        while (pages.size() > maxPages || hits > maxHits) {
            hits -= eldest.next().hits().size();
            eldest.remove();
        }
    }

    synchronized int size() {
        return pages.size();
    }
}
