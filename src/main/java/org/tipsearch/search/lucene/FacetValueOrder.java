package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.tipsearch.index.Schema;
import org.tipsearch.search.FacetCount;

/**
 * The values of a search's facets as it lists them: a chronological dimension's by its values' leading numbers,
 * any other's by count, most first; ties by text. A selected value stays listed, at zero if nothing matches it.
 */
final class FacetValueOrder {

    /** "9th session (2021)" before "13th session (2023)": by the leading number, then by text. */
    private static final Comparator<FacetCount> CHRONOLOGICAL = Comparator
            .comparingLong((FacetCount c) -> leadingNumber(c.value()))
            .thenComparing(FacetCount::value);
    private static final Comparator<FacetCount> BY_COUNT = Comparator
            .comparingInt(FacetCount::count).reversed()
            .thenComparing(FacetCount::value);

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
            // A selected value stays listed, at zero, so that a client can show and undo the selection.
            var listed = new HashSet<String>();
            counts.forEach(c -> listed.add(c.value()));
            selected.getOrDefault(dim, List.of()).stream()
                    .filter(listed::add)
                    .forEach(value -> counts.add(new FacetCount(value, 0, meaningOnly == null ? null : 0)));
            counts.sort(Schema.CHRONOLOGICAL_FACETS.contains(dim) ? CHRONOLOGICAL : BY_COUNT);
            out.put(dim, List.copyOf(counts));
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

    private static long leadingNumber(String value) {
        int end = 0;
        while (end < value.length() && end < 18 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end == 0 ? Long.MAX_VALUE : Long.parseLong(value.substring(0, end));
    }
}
