package org.tipsearch.search;

import java.util.List;
import org.tipsearch.index.Schema;

/** What a search runs over: the units of the reports, or the entries of the recommendations register. */
public enum Scope {
    /** Searched by words and meaning unless asked otherwise. */
    UNITS(Schema.TYPE_UNIT, Schema.FACETS, SearchMode.HYBRID),
    /** Searched by its words only. */
    RECOMMENDATIONS(Schema.TYPE_RECOMMENDATION, Schema.RECOMMENDATION_FACETS, SearchMode.BM25);

    private final String type;
    private final List<String> facets;
    private final SearchMode defaultMode;

    Scope(String type, List<String> facets, SearchMode defaultMode) {
        this.type = type;
        this.facets = facets;
        this.defaultMode = defaultMode;
    }

    /** The mode a search of this scope runs in when none is asked for: the API's and the command line's. */
    public SearchMode defaultMode() {
        return defaultMode;
    }

    /** The value of the type field its records carry. */
    public String type() {
        return type;
    }

    /** Its facet dimensions, in the order the API lists them. */
    public List<String> facets() {
        return facets;
    }
}
