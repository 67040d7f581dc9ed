package org.tipsearch.search;

/** How many units and reports an index holds. */
public record IndexHealth(int units, int reports) {
    public IndexHealth {
        if (units < 0 || reports < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + units + ", " + reports);
        }
    }
}
