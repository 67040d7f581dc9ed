package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;

class PageCacheTest {

    private static SearchResults<String> page(String query, int hits, boolean partial) {
        return new SearchResults<>(SearchRequest.of(query, 10), hits, 5, null, partial,
                Collections.nCopies(hits, "hit"), Map.of(), null);
    }

    /** The page the cache answers on this index version, searching for it with the given answer if it is not kept. */
    private static SearchResults<?> answer(PageCache cache, long version, SearchResults<String> page) throws IOException {
        return cache.answer(version, page.request(), () -> page);
    }

    @Test
    void aPageIsAnsweredAgainOnlyOnTheIndexVersionItCameFrom() throws IOException {
        var cache = new PageCache(10);
        SearchResults<String> victims = page("victims", 3, false);
        answer(cache, 7, victims);
        assertSame(victims, cache.get(7, SearchRequest.of("victims", 10)));
        assertSame(victims, answer(cache, 7, page("victims", 3, false)), "answered from the cache, not searched");
        assertNull(cache.get(7, SearchRequest.of("victims", 20)), "another page size is another page");
        assertNull(cache.get(8, SearchRequest.of("victims", 10)), "the index changed since");

        answer(cache, 8, page("organs", 1, false));
        assertEquals(1, cache.size(), "a newer version drops the older's pages");
        assertNull(cache.get(7, SearchRequest.of("victims", 10)));
    }

    @Test
    void anAnswerFromAnOlderVersionThanThePagesHeldIsNotKept() throws IOException {
        var cache = new PageCache(10);
        SearchResults<String> newer = page("victims", 3, false);
        answer(cache, 8, newer);
        SearchResults<String> older = page("organs", 1, false);
        assertSame(older, answer(cache, 7, older)); // a search that waited for its turn on the view before
        assertNull(cache.get(7, SearchRequest.of("organs", 10)));
        assertSame(newer, cache.get(8, SearchRequest.of("victims", 10)), "the newer pages stay");
    }

    @Test
    void partialAnswersAreNotKept() throws IOException {
        var cache = new PageCache(10);
        SearchResults<String> partial = page("victims", 3, true);
        assertSame(partial, answer(cache, 1, partial));
        assertNull(cache.get(1, SearchRequest.of("victims", 10)));
    }

    @Test
    void thePagesHeldWeighNoMoreThanTheBoundInPagesOfTheDefaultSize() throws IOException {
        assertEquals(1, PageCache.weight(page("none", 0, false)));
        assertEquals(1, PageCache.weight(page("one", SearchRequest.DEFAULT_SIZE, false)));
        assertEquals(3, PageCache.weight(page("more", 2 * SearchRequest.DEFAULT_SIZE + 1, false)));
        var cache = new PageCache(4);
        for (int i = 0; i < 50; i++) {
            answer(cache, 1, page("q" + i, i % 3 == 0 ? 25 : 5, false));
            cache.size(); // the bound is kept as the cache cleans up
            long weight = 0;
            for (int j = 0; j <= i; j++) {
                SearchResults<?> held = cache.get(1, SearchRequest.of("q" + j, 10));
                weight += held == null ? 0 : PageCache.weight(held);
            }
            assertTrue(weight <= 4, "after " + (i + 1) + " pages, the pages held weigh " + weight);
        }
        assertTrue(cache.size() > 0, "a cache of four pages keeps some");
        answer(cache, 1, page("huge", 5 * SearchRequest.DEFAULT_SIZE, false)); // heavier than the cache holds at all
        assertNull(cache.get(1, SearchRequest.of("huge", 10)));
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    @Test
    void aPageAskedByManyAtOnceIsSearchedOnceEvenWithoutACache() throws Exception {
        var cache = new PageCache(0);
        var searches = new AtomicInteger();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        SearchResults<String> victims = page("victims", 3, false);
        SearchCall<SearchResults<?>> slow = () -> {
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
        var cache = new PageCache(10);
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

    /** A failed search is an answer of the server's (a 400 or a 503), not a cache's fault to log. */
    @Test
    void aFailedSearchLogsNothing() {
        var logged = new ArrayList<LogRecord>();
        Logger caffeine = Logger.getLogger("com.github.benmanes.caffeine");
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        caffeine.addHandler(handler);
        try {
            var cache = new PageCache(10);
            assertThrows(IOException.class, () -> cache.answer(1, SearchRequest.of("victims", 10), () -> {
                throw new IOException("too broad");
            }));
            assertEquals(List.of(), logged.stream().map(LogRecord::getMessage).toList());
            assertEquals(0, cache.size());
        } finally {
            caffeine.removeHandler(handler);
        }
    }

    @Test
    void aCacheOfNoPagesKeepsNothing() throws IOException {
        var cache = new PageCache(0);
        answer(cache, 1, page("victims", 0, false));
        assertEquals(0, cache.size());
        assertThrows(IllegalArgumentException.class, () -> new PageCache(-1));
    }
}
