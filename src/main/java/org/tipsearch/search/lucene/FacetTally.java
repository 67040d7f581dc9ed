package org.tipsearch.search.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * A result set's count of each facet value, by global ordinal, as {@link FacetedCollection} made it; read as
 * Lucene's {@link Facets}. The dimensions are flat (dimension and value), as the schema indexes them.
 */
final class FacetTally extends Facets {

    private static final Comparator<LabelAndValue> BY_COUNT = Comparator
            .comparingInt((LabelAndValue lv) -> lv.value.intValue()).reversed();

    private final SortedSetDocValuesReaderState state;
    private final int[] counts;
    private final String[] values;
    private final long matches;

    FacetTally(SortedSetDocValuesReaderState state, int[] counts, String[] values, long matches) {
        this.state = state;
        this.counts = counts;
        this.values = values;
        this.matches = matches;
    }

    /**
     * Every value of the dimension that the result set holds, in value order; null for an empty result set or a
     * dimension never indexed, as Lucene's own counts answer.
     */
    @Override
    public FacetResult getAllChildren(String dim, String... path) {
        Children children = children(dim, path);
        if (children == null || matches == 0) {
            return null;
        }
        return new FacetResult(dim, path, children.dimCount(), children.labels().toArray(LabelAndValue[]::new),
                children.labels().size());
    }

    /** The dimension's most frequent values, ties in value order; null if the result set holds none. */
    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) {
        validateTopN(topN);
        Children children = children(dim, path);
        if (children == null || children.labels().isEmpty()) {
            return null;
        }
        List<LabelAndValue> top = children.labels().stream().sorted(BY_COUNT).limit(topN).toList();
        return new FacetResult(dim, path, children.dimCount(), top.toArray(LabelAndValue[]::new),
                children.labels().size());
    }

    @Override
    public Number getSpecificValue(String dim, String... path) {
        if (path.length != 1) {
            throw new IllegalArgumentException("a flat dimension's value is one path component, not " + path.length);
        }
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range != null) {
            for (int ord = range.start(); ord <= range.end(); ord++) {
                if (values[ord].equals(path[0])) {
                    return counts[ord];
                }
            }
        }
        return -1;
    }

    @Override
    public List<FacetResult> getAllDims(int topN) {
        validateTopN(topN);
        var results = new ArrayList<FacetResult>();
        for (String dim : state.getDims()) {
            FacetResult result = getTopChildren(topN, dim);
            if (result != null) {
                results.add(result);
            }
        }
        results.sort(Comparator.comparingInt((FacetResult r) -> r.value.intValue()).reversed()
                .thenComparing(r -> r.dim));
        return results;
    }

    /** A dimension's values with a count, and its own count: -1 where a unit can hold several of its values. */
    private record Children(int dimCount, List<LabelAndValue> labels) {}

    private Children children(String dim, String... path) {
        if (path.length > 0) {
            throw new IllegalArgumentException("the facet dimension " + dim + " is flat: it has no path below it");
        }
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range == null) { // never indexed
            return null;
        }
        FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
        boolean dimIndexed = config.multiValued && config.requireDimCount; // its first ordinal is the dimension's own
        int sum = 0;
        var labels = new ArrayList<LabelAndValue>();
        for (int ord = dimIndexed ? range.start() + 1 : range.start(); ord <= range.end(); ord++) {
            if (counts[ord] > 0) {
                sum += counts[ord];
                labels.add(new LabelAndValue(values[ord], counts[ord]));
            }
        }
        int dimCount = !config.multiValued ? sum : dimIndexed ? counts[range.start()] : -1;
        return new Children(dimCount, labels);
    }
}
