package org.tipsearch.search;

import java.time.Duration;

/**
 * A search that spent its time budget before it had anything to answer with (or, for an export or a similar list,
 * before it had all of it): the client's to try again when the server is less busy, or with a narrower query.
 */
public final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration budget;

    public BudgetExceededException(Duration budget) {
        super("the search did not finish within its time budget of " + budget.toMillis()
                + " ms; try again in a moment, or narrow the query");
        this.budget = budget;
    }

    /** How long a search may take on this server. */
    public Duration budget() {
        return budget;
    }
}
