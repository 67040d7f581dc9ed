package org.tipsearch.search;

import java.util.Arrays;
import java.util.Locale;

/** How a query is matched: by its words, by meaning, or both fused. */
public enum SearchMode {
    /** BM25 over the analysed words. */
    BM25,
    /** Nearest neighbours of the query's embedding. */
    SEMANTIC,
    /** Both, fused by reciprocal rank. */
    HYBRID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchMode fromId(String id) {
        return Arrays.stream(values())
                .filter(mode -> mode.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode '" + id + "'; modes are "
                        + Arrays.stream(values()).map(SearchMode::id).toList()));
    }
}
