package org.tipsearch.search;

/**
 * How many matching units carry a facet value.
 *
 * @param wordMatches in a search by words and meaning, how many of the count contain the query's words (the rest
 *                    are related in meaning only); null in other searches
 */
public record FacetCount(String value, int count, Integer wordMatches) {
    public FacetCount {
        if (count < 0) {
            throw new IllegalArgumentException("a facet count is never negative: " + count);
        }
        if (wordMatches != null && (wordMatches < 0 || wordMatches > count)) {
            throw new IllegalArgumentException("the units that contain the words (" + wordMatches
                    + ") are some of the count (" + count + ")");
        }
    }

    public FacetCount(String value, int count) {
        this(value, count, null);
    }
}
