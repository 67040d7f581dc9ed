package org.tipsearch.search;

/** How many units and reports an index holds. */
public record IndexHealth(int paragraphs, int documents) {
    public IndexHealth {
        if (paragraphs < 0 || documents < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + paragraphs + ", " + documents);
        }
    }
}
