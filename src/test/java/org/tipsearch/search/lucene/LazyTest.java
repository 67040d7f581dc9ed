package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A value made on first use: once for every thread, and tried again after a failure. */
class LazyTest {

    @Test
    void manyThreadsAskingAtOnceGetOneValueMadeOnce() throws Exception {
        var made = new AtomicInteger();
        var lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            sleep(50); // long enough for every thread to be asking while it is made
            return new Object();
        });
        var start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            Object first = asked.get(0).get();
            for (Future<Object> answer : asked) {
                assertSame(first, answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, made.get());
    }

    @Test
    void aFactoryThatFailsIsTriedAgainOnTheNextUse() {
        var tries = new AtomicInteger();
        var lazy = new Lazy<>(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("the model is not there yet");
            }
            return "ready";
        });
        assertThrows(IllegalStateException.class, lazy::get);
        assertEquals("ready", lazy.get());
        assertEquals("ready", lazy.get());
        assertEquals(2, tries.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
