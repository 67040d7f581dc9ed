package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchTurnsTest {

    @Test
    void noMoreSearchesRunAtOnceThanAllowed() throws Exception {
        var turns = new SearchTurns(2, Duration.ofSeconds(10));
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var searches = new CopyOnWriteArrayList<Future<Integer>>();
            for (int i = 0; i < 32; i++) {
                searches.add(pool.submit(() -> turns.take(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    return running.decrementAndGet();
                })));
            }
            for (Future<Integer> search : searches) {
                search.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get());
    }

    /** Even the search that has just freed a turn, and asks again at once, goes after those already waiting. */
    @Test
    void waitingSearchesTakeTheirTurnsInOrderOfArrival() throws Exception {
        var turns = new SearchTurns(1, Duration.ofSeconds(10));
        var first = new CountDownLatch(1);
        var order = new CopyOnWriteArrayList<Integer>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> holder = pool.submit(() -> {
                turns.take(() -> {
                    await(first);
                    return null;
                });
                return turns.take(() -> order.add(4));
            });
            var waiting = new CopyOnWriteArrayList<Future<?>>();
            for (int i = 1; i <= 3; i++) {
                int arrival = i;
                waiting.add(pool.submit(() -> turns.take(() -> order.add(arrival))));
                Thread.sleep(50); // each queued before the next arrives
            }
            first.countDown();
            holder.get(10, TimeUnit.SECONDS);
            for (Future<?> search : waiting) {
                search.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(1, 2, 3, 4), order);
    }

    @Test
    void aSearchThatFailsFreesItsTurn() throws Exception {
        var turns = new SearchTurns(1, Duration.ofMillis(200));
        assertThrows(IOException.class, () -> turns.take(() -> {
            throw new IOException("the index is gone");
        }));
        assertThrows(IllegalStateException.class, () -> turns.take(() -> {
            throw new IllegalStateException("a bug");
        }));
        assertEquals("next", turns.take(() -> "next"));
    }

    @Test
    void aSearchThatWaitsTooLongIsRefusedAsBusy() throws Exception {
        var turns = new SearchTurns(1, Duration.ofMillis(200));
        var release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var started = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> turns.take(() -> {
                started.countDown();
                await(release);
                return null;
            }));
            started.await();
            long start = System.nanoTime();
            ServerBusyException busy = assertThrows(ServerBusyException.class, () -> turns.take(() -> "late"));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "it waited its patience");
            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertEquals("in turn", turns.take(() -> "in turn"), "a turn freed is taken again");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedIOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }
}
