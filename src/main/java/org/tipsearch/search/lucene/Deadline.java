package org.tipsearch.search.lucene;

import java.time.Duration;
import java.util.Locale;
import org.tipsearch.search.BudgetExceededException;

/**
 * When one search must stop: its start plus the service's query budget, or never without a budget. The searcher
 * asks it between segments and the service between steps, so that no step starts once the budget is spent; it
 * remembers whether any step was skipped or cut short, which makes the answer partial.
 */
final class Deadline {

    private final long startNanos = System.nanoTime();
    private final Duration budget;
    private boolean cutShort;

    /** @param budget how long the search may take, positive; null for no limit */
    Deadline(Duration budget) {
        this.budget = budget;
    }

    /** Whether the next step may start; once the budget is spent, no, and the search is cut short. */
    boolean allows() {
        if (budget != null && System.nanoTime() - startNanos > budget.toNanos()) {
            cutShort = true;
        }
        return !cutShort;
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
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** What a partial answer says about itself. */
    String notice() {
        return String.format(Locale.ROOT, "The search stopped after %,d ms (its time budget is %,d ms), so its "
                + "counts and hits may be incomplete.", elapsedMillis(), budget.toMillis());
    }
}
