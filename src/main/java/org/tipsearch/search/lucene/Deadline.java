package org.tipsearch.search.lucene;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.tipsearch.search.BudgetExceededException;

/**
 * When one search must stop: its start plus the service's query budget, or never without a budget. Lucene's
 * searcher asks it as it scores (see {@link ReportSearcher#until}) and the service between steps, so that no step
 * starts and no scoring goes on once the budget is spent; it
 * remembers whether any step was skipped or cut short, which makes the answer partial.
 */
final class Deadline {

    private final LongSupplier clock;
    private final long startNanos;
    private final Duration budget;
    private volatile boolean cutShort;

    /** @param budget how long the search may take, positive; null for no limit */
    Deadline(Duration budget) {
        this(budget, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime} counts them */
    Deadline(Duration budget, LongSupplier clock) {
        this.budget = budget;
        this.clock = clock;
        startNanos = clock.getAsLong();
    }

    /** Whether the next step may start; once the budget is spent, no, and the search is cut short. */
    boolean allows() {
        if (budget != null && clock.getAsLong() - startNanos > budget.toNanos()) {
            cutShort = true;
        }
        return !cutShort;
    }

    /** Whether the budget is spent (and the search so cut short): Lucene's timeout asks this as it scores. */
    boolean expired() {
        return !allows();
    }

    /** Whether there is a budget at all. */
    boolean limited() {
        return budget != null;
    }

    /** For a step without which there is nothing to answer: it starts only if every step so far ran whole. */
    void require() {
        if (!allows()) {
            throw new BudgetExceededException(budget);
        }
    }

    /** Whether a step was skipped or a search stopped before its last segment. */
    boolean cutShort() {
        return cutShort;
    }

    long elapsedMillis() {
        return (clock.getAsLong() - startNanos) / 1_000_000;
    }

    /** What a partial answer says about itself. */
    String notice() {
        return String.format(Locale.ROOT, "The search stopped after %,d ms (its time budget is %,d ms), so its "
                + "counts and hits may be incomplete.", elapsedMillis(), budget.toMillis());
    }
}
