package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.FacetListing;

/**
 * The values of a search's facets as Lucene counted them, listed as every engine lists them ({@link FacetListing}).
 */
final class FacetValueOrder {

    private FacetValueOrder() {}

    /**
     * Each dimension's counted values in its order, the selected ones among them; with the counts of the result
     * set's part related in meaning only, if given, each value also says how many of its units hold the words.
     */
    static Map<String, List<FacetCount>> facetCounts(ReportSearcher searcher, Facets facets, Facets meaningOnly,
            List<String> dims, Map<String, List<String>> selected) throws IOException {
        var out = new LinkedHashMap<String, List<FacetCount>>();
        for (String dim : dims) {
            var counts = new ArrayList<FacetCount>();
            boolean counted = searcher.facetState().getOrdRange(dim) != null;
            Map<String, Integer> related = counted && meaningOnly != null ? values(meaningOnly, dim) : Map.of();
            if (counted) {
                FacetResult result = facets.getAllChildren(dim);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        int count = lv.value.intValue();
                        counts.add(new FacetCount(lv.label, count,
                                meaningOnly == null ? null : count - related.getOrDefault(lv.label, 0)));
                    }
                }
            }
            out.put(dim, FacetListing.listed(dim, counts, selected.getOrDefault(dim, List.of()), meaningOnly != null));
        }
        return out;
    }

    /** A dimension's counted values: read once, not value by value, for a dimension may hold thousands. */
    private static Map<String, Integer> values(Facets facets, String dim) throws IOException {
        FacetResult result = facets.getAllChildren(dim);
        var values = new HashMap<String, Integer>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                values.put(lv.label, lv.value.intValue());
            }
        }
        return values;
    }
}
