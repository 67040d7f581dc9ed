package org.tipsearch.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of results with the facet counts of the whole result set.
 *
 * @param <H>     the kind of hit: a {@link Hit} or a {@link RecommendationHit}
 * @param notice  set when the query was read differently from how it was written, or the answer is partial
 * @param partial the search stopped at its time budget: the total, the facet counts and the hits may miss some,
 *                a hybrid page may be fused from the rankings' first segments only, and hits may be unhighlighted
 * @param wordMatches in a search by words and meaning, how many of the total contain the query's words (the rest
 *                are related in meaning only); null in other searches
 */
public record SearchResults<H>(
        SearchRequest request,
        long total,
        long tookMs,
        String notice,
        boolean partial,
        List<H> hits,
        Map<String, List<FacetCount>> facets,
        Long wordMatches) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets)); // keeps the schema's order
    }
}
