package org.tipsearch.search.lucene;

import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;

/**
 * A request's facet filters, read one way by every step that filters: through the drill-down terms that Lucene's
 * facet fields index beside their doc values, so a filter holds the units that the facet counts count under it.
 * Within a dimension the values are alternatives; dimensions all hold.
 */
final class FacetFilters {

    private FacetFilters() {
    }

    /** The base query narrowed to the units that hold the filters (the base query's scores unchanged). */
    static DrillDownQuery narrowed(FacetsConfig config, Query base, Map<String, List<String>> filters) {
        var drillDown = new DrillDownQuery(config, base);
        filters.forEach((dim, values) -> values.forEach(value -> drillDown.add(dim, value)));
        return drillDown;
    }

    /** The term of the units holding one value of a dimension, in the facets' index field {@code field}. */
    static Term term(String field, String dim, String value) {
        return DrillDownQuery.term(field, dim, value);
    }
}
