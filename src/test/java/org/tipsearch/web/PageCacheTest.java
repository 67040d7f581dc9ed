package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.util.IOSupplier;
import org.junit.jupiter.api.Test;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;

class PageCacheTest {

    private static SearchResults<String> page(String query, int hits, boolean partial) {
        return new SearchResults<>(SearchRequest.of(query, 10), hits, 5, null, partial,
                Collections.nCopies(hits, "hit"), Map.of(), null);
    }

    @Test
    void aPageIsAnsweredAgainOnlyOnTheIndexVersionItCameFrom() {
        var cache = new PageCache(10, 100);
        SearchResults<String> victims = page("victims", 3, false);
        cache.put(7, victims);
        assertSame(victims, cache.get(7, SearchRequest.of("victims", 10)));
        assertNull(cache.get(7, SearchRequest.of("victims", 20)), "another page size is another page");
        assertNull(cache.get(8, SearchRequest.of("victims", 10)), "the index changed since");

        cache.put(8, page("organs", 1, false));
        assertEquals(1, cache.size(), "a newer version drops the older's pages");
        assertNull(cache.get(7, SearchRequest.of("victims", 10)));
    }

    @Test
    void anAnswerFromAnOlderVersionThanThePagesHeldIsNotKept() {
        var cache = new PageCache(10, 100);
        SearchResults<String> newer = page("victims", 3, false);
        cache.put(8, newer);
        cache.put(7, page("organs", 1, false)); // a search that waited for its turn on the view before
        assertNull(cache.get(7, SearchRequest.of("organs", 10)));
        assertSame(newer, cache.get(8, SearchRequest.of("victims", 10)), "the newer pages stay");
    }

    @Test
    void partialAnswersAreNotKept() {
        var cache = new PageCache(10, 100);
        cache.put(1, page("victims", 3, true));
        assertNull(cache.get(1, SearchRequest.of("victims", 10)));
    }

    @Test
    void theLeastRecentlyAskedPagesGoFirstWhenPagesOrHitsAreTooMany() {
        var cache = new PageCache(2, 10);
        cache.put(1, page("a", 4, false));
        cache.put(1, page("b", 4, false));
        cache.get(1, SearchRequest.of("a", 10)); // "a" asked again: "b" is now the least recent
        cache.put(1, page("c", 1, false));
        assertEquals(2, cache.size());
        assertNull(cache.get(1, SearchRequest.of("b", 10)));

        cache.put(1, page("d", 9, false)); // three pages: "a" goes; "c" and "d" hold 10 hits, the most
        assertEquals(List.of(false, true, true), present(cache, "a", "c", "d"));
        cache.put(1, page("f", 5, false)); // 15 hits: "c" goes with the third page, then "d" for the hits
        assertEquals(List.of(false, false, true), present(cache, "c", "d", "f"));

        cache.put(1, page("e", 11, false)); // more hits than the cache holds at all
        assertNull(cache.get(1, SearchRequest.of("e", 10)));
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    private static List<Boolean> present(PageCache cache, String... queries) {
        return Arrays.stream(queries).map(q -> cache.get(1, SearchRequest.of(q, 10)) != null).toList();
    }

    @Test
    void aPageAskedByManyAtOnceIsSearchedOnceEvenWithoutACache() throws Exception {
        var cache = new PageCache(0, 0);
        var searches = new AtomicInteger();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        SearchResults<String> victims = page("victims", 3, false);
        IOSupplier<SearchResults<?>> slow = () -> {
            searches.incrementAndGet();
            started.countDown();
            await(release);
            return victims;
        };
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            var answers = new ArrayList<Future<SearchResults<?>>>();
            answers.add(clients.submit(() -> cache.answer(1, victims.request(), slow)));
            started.await();
            for (int i = 0; i < 3; i++) {
                answers.add(clients.submit(() -> cache.answer(1, victims.request(), slow)));
            }
            Thread.sleep(300); // time for the followers to wait for the first search
            release.countDown();
            for (Future<SearchResults<?>> answer : answers) {
                assertSame(victims, answer.get());
            }
        }
        assertEquals(1, searches.get());
        assertEquals(0, cache.size(), "and kept nowhere");
    }

    @Test
    void aFailedSearchFailsItsFollowersAndIsNotKept() throws Exception {
        var cache = new PageCache(10, 100);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        SearchRequest victims = SearchRequest.of("victims", 10);
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            Future<SearchResults<?>> leader = clients.submit(() -> cache.answer(1, victims, () -> {
                started.countDown();
                await(release);
                throw new IOException("the index is gone");
            }));
            started.await();
            Future<SearchResults<?>> follower = clients.submit(() -> cache.answer(1, victims, () -> page("never", 0, false)));
            Thread.sleep(300); // time for the follower to wait for the leader
            release.countDown();
            for (Future<SearchResults<?>> answer : List.of(leader, follower)) {
                var failure = assertThrows(ExecutionException.class, answer::get);
                assertEquals("the index is gone", failure.getCause().getMessage());
            }
        }
        assertNull(cache.get(1, victims));
    }

    @Test
    void aCacheOfNoPagesKeepsNothing() {
        var cache = new PageCache(0, 0);
        cache.put(1, page("victims", 0, false));
        assertEquals(0, cache.size());
        assertThrows(IllegalArgumentException.class, () -> new PageCache(-1, 10));
    }
}
