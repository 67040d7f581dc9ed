package org.tipsearch.search;

/** How many units and reports an index holds. */
public record IndexHealth(int units, int documents) {
    public IndexHealth {
        if (units < 0 || documents < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + units + ", " + documents);
        }
    }
}
