package org.tipsearch.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many searches run at once; the others wait for their turn, first come first served, and a search's time
 * budget starts with its turn. Left to the scheduler, many requests at once would each get a sliver of a core, not
 * in the order they came, and the unluckiest would pass the budget before they had anything to answer (a 503).
 * Thread-safe.
 */
final class SearchTurns {

    private final Semaphore turns;
    private final int atOnce;
    private final Duration patience;

    /**
     * @param atOnce   how many searches run at once, at least 1
     * @param patience how long a search waits for its turn before it is refused as {@link ServerBusyException}
     */
    SearchTurns(int atOnce, Duration patience) {
        if (atOnce < 1 || patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("search turns need at least one search at once and a positive wait");
        }
        this.turns = new Semaphore(atOnce, true);
        this.atOnce = atOnce;
        this.patience = patience;
    }

    /** As many at once as ask: the command line runs one search at a time anyway. */
    static SearchTurns unlimited() {
        return new SearchTurns(Integer.MAX_VALUE, Duration.ofDays(1));
    }

    /** A search, once its turn has come. */
    <T> T take(SearchCall<T> search) throws IOException {
        try {
            if (!turns.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ServerBusyException(atOnce, patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a turn to search");
        }
        try {
            return search.get();
        } finally {
            turns.release();
        }
    }
}
