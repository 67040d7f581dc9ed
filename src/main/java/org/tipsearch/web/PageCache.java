package org.tipsearch.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;

/**
 * The pages of results a server answered lately, for as long as the view of the index they came from is the
 * current one, in a Caffeine cache bounded by weight. A public endpoint is asked the same pages again and again (a
 * widget's preset search, a link shared around, the first page of a popular query); each costs a search, its
 * facet counts and its highlighting otherwise. Whole answers only: a partial one depends on the load of the
 * moment. Thread-safe.
 */
final class PageCache {

    /** The index version and the request a page answers. */
    private record Key(long indexVersion, SearchRequest request) {}

    /**
     * What a search gave: its page, or its failure. A failure is a value here, not a future completed exceptionally,
     * which Caffeine would log as a warning with its stack trace (a query too broad, a search over its budget).
     */
    private record Outcome(SearchResults<?> page, Exception failure) {}

    private final AsyncCache<Key, Outcome> pages;
    /** The newest index version a page was asked on: pages of older versions are dropped. */
    private final AtomicLong newest = new AtomicLong(-1);

    /**
     * @param maxPages the most pages held, a page of more than {@link SearchRequest#DEFAULT_SIZE} hits weighing as
     *                 many pages of that size as it fills (which bounds the memory the pages take, about 2 KB a
     *                 hit); 0 holds none
     */
    PageCache(int maxPages) {
        if (maxPages < 0) {
            throw new IllegalArgumentException("a page cache holds 0 or more pages, not " + maxPages);
        }
        // Maintenance (eviction) in the thread that asks: no pool thread of the cache's own.
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxPages)
                .weigher((Key key, Outcome outcome) -> outcome.page() == null ? 1 : weight(outcome.page()))
                .executor(Runnable::run)
                .buildAsync();
    }

    /** How many pages of the default size a page fills, at least one. */
    static int weight(SearchResults<?> page) {
        return Math.max(1, (page.hits().size() + SearchRequest.DEFAULT_SIZE - 1) / SearchRequest.DEFAULT_SIZE);
    }

    /**
     * The page from the cache; else, if the same page is being searched for already, that search's answer (a
     * popular query asked by many at once is searched once, not by each of them on the cores they share, even in a
     * cache of no pages); else the search's own answer, kept if whole. A follower waits as long as the search it
     * follows, which its wait for a turn and its own budget bound: a follower that gave up at its budget would
     * answer 503 where the search it followed, begun a little earlier, answers in time or partial.
     */
    SearchResults<?> answer(long indexVersion, SearchRequest request, SearchCall<SearchResults<?>> search)
            throws IOException {
        dropOlderThan(indexVersion);
        var key = new Key(indexVersion, request);
        var mine = new CompletableFuture<Outcome>();
        // The search runs after the cache holds its future, not inside the cache's mapping (which holds a lock).
        CompletableFuture<Outcome> future = pages.get(key, (k, executor) -> mine);
        if (future == mine) {
            try {
                mine.complete(searched(search));
            } catch (Error e) { // not a failure of the search: its followers must not wait for ever
                pages.asMap().remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        Outcome outcome = followed(future);
        if (outcome.failure() != null || outcome.page().partial() || indexVersion < newest.get()) {
            // not kept: a failure, a partial answer, or one from a view older than the pages held (a search that
            // waited for its turn runs on the view it arrived with, which may predate the last reopening)
            pages.asMap().remove(key, future);
        }
        return switch (outcome.failure()) {
            case null -> outcome.page();
            case IOException io -> throw io;
            case RuntimeException runtime -> throw runtime;
            default -> throw new IllegalStateException(outcome.failure());
        };
    }

    /** The search run in the asking thread. */
    private static Outcome searched(SearchCall<SearchResults<?>> search) {
        try {
            return new Outcome(search.get(), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    /** The outcome of the search a request ran or followed. */
    private static Outcome followed(CompletableFuture<Outcome> search) throws IOException {
        try {
            return search.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a search");
        } catch (ExecutionException e) { // an Error in the search: it was not caught as a failure
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A newer index version drops the pages of the older ones. */
    private void dropOlderThan(long indexVersion) {
        long seen = newest.getAndAccumulate(indexVersion, Math::max);
        if (indexVersion > seen) {
            pages.asMap().keySet().removeIf(key -> key.indexVersion() < indexVersion);
        }
    }

    /** The page answered to the request on this version of the index, or null. */
    SearchResults<?> get(long indexVersion, SearchRequest request) {
        CompletableFuture<Outcome> outcome = pages.getIfPresent(new Key(indexVersion, request));
        return outcome == null || !outcome.isDone() ? null : outcome.join().page();
    }

    /** How many pages are held, once the cache has dropped what its bound leaves out. */
    long size() {
        pages.synchronous().cleanUp();
        return pages.synchronous().estimatedSize();
    }
}
