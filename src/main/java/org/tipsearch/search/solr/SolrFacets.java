package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.FacetListing;
import org.tipsearch.search.SearchRequest;

/**
 * A search's facets as Solr's JSON facets count them: each dimension's every value with its own filter left out
 * (drill sideways: the filters are tagged by dimension), listed as every engine lists them ({@link FacetListing}).
 * In a search by words and meaning, the part of the result set related in meaning only (a query given as a
 * parameter) is counted too, whole and by value, so that each value tells how many of its units hold the words.
 */
final class SolrFacets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEANING_ONLY = "meaningOnly";
    private static final String MEANING_ONLY_PREFIX = "meaningOnly_";

    private SolrFacets() {}

    /**
     * The {@code json.facet} parameter of a search.
     *
     * @param meaningOnly the query of the result set's part related in meaning only, or null when not split
     */
    static String of(SearchRequest request, String meaningOnly) {
        ObjectNode facets = JSON.createObjectNode();
        for (String dim : request.scope().facets()) {
            facets.set(dim, terms(dim, null));
            if (meaningOnly != null) {
                facets.set(MEANING_ONLY_PREFIX + dim, terms(dim, meaningOnly));
            }
        }
        if (meaningOnly != null) {
            facets.set(MEANING_ONLY, JSON.createObjectNode().put("type", "query").put("q", meaningOnly));
        }
        return facets.toString();
    }

    private static ObjectNode terms(String dim, String filter) {
        ObjectNode domain = JSON.createObjectNode().put("excludeTags", dim);
        if (filter != null) {
            domain.put("filter", filter);
        }
        ObjectNode facet = JSON.createObjectNode().put("type", "terms").put("field", dim).put("limit", -1)
                .put("mincount", 1);
        facet.set("domain", domain);
        return facet;
    }

    /** How many of the result set are related in meaning only, as {@link #of} asked. */
    static long meaningOnly(JsonNode facets) {
        return facets.path(MEANING_ONLY).path("count").asLong(0);
    }

    /** The counts of each dimension, listed; split by the words when the meaning's part was counted. */
    static Map<String, List<FacetCount>> counts(SearchRequest request, JsonNode facets, boolean split) {
        var out = new LinkedHashMap<String, List<FacetCount>>();
        for (String dim : request.scope().facets()) {
            Map<String, Integer> related = split ? values(facets.path(MEANING_ONLY_PREFIX + dim)) : Map.of();
            var counted = values(facets.path(dim)).entrySet().stream()
                    .map(e -> new FacetCount(e.getKey(), e.getValue(),
                            split ? e.getValue() - related.getOrDefault(e.getKey(), 0) : null))
                    .toList();
            out.put(dim, FacetListing.listed(dim, counted, request.filters().getOrDefault(dim, List.of()), split));
        }
        return out;
    }

    private static Map<String, Integer> values(JsonNode facet) {
        var values = new HashMap<String, Integer>();
        facet.path("buckets").forEach(b -> values.put(b.path("val").asText(), b.path("count").asInt()));
        return values;
    }
}
