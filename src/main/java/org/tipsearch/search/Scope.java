package org.tipsearch.search;

import java.util.List;
import org.tipsearch.index.Schema;

/** What a search runs over: the units of the reports, or the entries of the recommendations register. */
public enum Scope {
    PARAGRAPHS(Schema.TYPE_PARAGRAPH, Schema.FACETS),
    RECOMMENDATIONS(Schema.TYPE_RECOMMENDATION, Schema.RECOMMENDATION_FACETS);

    private final String type;
    private final List<String> facets;

    Scope(String type, List<String> facets) {
        this.type = type;
        this.facets = facets;
    }

    /** The value of the type field its records carry. */
    String type() {
        return type;
    }

    /** Its facet dimensions, in the order the API lists them. */
    public List<String> facets() {
        return facets;
    }
}
