package org.tipsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.tipsearch.index.Schema;

/**
 * A dimension's values as a search lists them, whatever engine counted them: a chronological dimension's by its
 * values' leading numbers, any other's by count, most first; ties by text. A selected value stays listed, at zero
 * if nothing matches it, so that a client can show and undo the selection.
 */
public final class FacetListing {

    /** "9th session (2021)" before "13th session (2023)": by the leading number, then by text. */
    private static final Comparator<FacetCount> CHRONOLOGICAL = Comparator
            .comparingLong((FacetCount c) -> leadingNumber(c.value()))
            .thenComparing(FacetCount::value);
    private static final Comparator<FacetCount> BY_COUNT = Comparator
            .comparingInt(FacetCount::count).reversed()
            .thenComparing(FacetCount::value);

    private FacetListing() {}

    /**
     * @param counted  the dimension's counted values
     * @param selected the values the search selected in the dimension
     * @param split    whether each value tells the units holding the words (a search by words and meaning)
     */
    public static List<FacetCount> listed(String dim, List<FacetCount> counted, List<String> selected, boolean split) {
        var counts = new ArrayList<>(counted);
        var listed = new HashSet<String>();
        counts.forEach(c -> listed.add(c.value()));
        selected.stream()
                .filter(listed::add)
                .forEach(value -> counts.add(new FacetCount(value, 0, split ? 0 : null)));
        counts.sort(Schema.CHRONOLOGICAL_FACETS.contains(dim) ? CHRONOLOGICAL : BY_COUNT);
        return List.copyOf(counts);
    }

    private static long leadingNumber(String value) {
        int end = 0;
        while (end < value.length() && end < 18 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end == 0 ? Long.MAX_VALUE : Long.parseLong(value.substring(0, end));
    }
}
