package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * A search's result set collected in one pass, its facets counted as it goes, drill sideways included. Lucene's
 * drill sideways gathers a bit set of matches for each filtered dimension and counts them afterwards, and its
 * scorer takes a large segment on one core alone (docs/library-first.md has the comparison).
 * <p>
 * The query searched is the base query, without the facet filters; a unit holds a dimension's filter when it has
 * one of the dimension's selected values. A match holding every filter is a hit: it goes to the hits' collector,
 * and each of its values is counted. A match that misses exactly one filter counts that dimension's values alone:
 * a filtered dimension is counted as if its own filter were off, so that a user sees what else to select there.
 * Dimensions take disjoint ranges of ordinals, so one count holds both. Which filters a match holds is read from a
 * bit set per filtered dimension and segment, made from the postings of the selected values' drill-down terms,
 * rather than by looking through every value of every match for the selected ones.
 *
 * @param <C> the hits' collector
 * @param <T> what the hits' collectors make together, such as the top hits
 */
final class FacetedCollection<C extends Collector, T>
        implements CollectorManager<FacetedCollection<C, T>.Part, FacetedCollection.Result<T>> {

    /**
     * What a search collected.
     *
     * @param hits   the hits' collectors' result; null when the hits were only counted
     * @param total  how many hits
     * @param facets the facet counts, each filtered dimension's as if its own filter were off
     */
    record Result<T>(T hits, long total, Facets facets) {}

    private final FacetOrdinals ordinals;
    /** Null when the hits are only counted. */
    private final CollectorManager<C, T> hits;
    /** Per global ordinal: the bit of its dimension if the dimension is filtered, else 0. */
    private final int[] filteredDim;
    /** Per filtered dimension, in the order of its bit: the drill-down terms of its selected values in the view. */
    private final List<List<Term>> selectedTerms = new ArrayList<>();
    /** Per segment (by its ord in the view): the units holding each filter, made once for all its slices. */
    private final Map<Integer, FixedBitSet[]> holders = new ConcurrentHashMap<>();

    /**
     * @param filters each filtered dimension's selected values
     * @param hits    collects the hits (and not the near misses); null to count them only
     */
    FacetedCollection(FacetOrdinals ordinals, Map<String, List<String>> filters, CollectorManager<C, T> hits) {
        if (filters.size() > Integer.SIZE - 1) {
            throw new IllegalArgumentException("at most 31 filtered dimensions, not " + filters.size());
        }
        this.ordinals = ordinals;
        this.hits = hits;
        filteredDim = new int[ordinals.size()];
        int dimBit = 1;
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            String dim = filter.getKey();
            SortedSetDocValuesReaderState.OrdRange range = ordinals.range(dim);
            for (int ord = range == null ? 0 : range.start(); range != null && ord <= range.end(); ord++) {
                filteredDim[ord] = dimBit;
            }
            // a value that no unit of the view holds has no postings to read
            selectedTerms.add(filter.getValue().stream()
                    .filter(value -> ordinals.ordinal(dim, value) >= 0)
                    .map(value -> FacetFilters.term(ordinals.field(), dim, value))
                    .toList());
            dimBit <<= 1;
        }
    }

    /** Counts the facets of a result set, whose hits need nothing else: no ranking, no page. */
    static FacetedCollection<Collector, Void> counting(FacetOrdinals ordinals, Map<String, List<String>> filters) {
        return new FacetedCollection<>(ordinals, filters, null);
    }

    @Override
    public Part newCollector() throws IOException {
        return new Part(hits == null ? null : hits.newCollector());
    }

    @Override
    public Result<T> reduce(Collection<Part> parts) throws IOException {
        int[] counts = new int[ordinals.size()];
        long total = 0;
        long counted = 0;
        var collectors = new ArrayList<C>();
        for (Part part : parts) {
            for (int ord = 0; ord < counts.length; ord++) {
                counts[ord] += part.counts[ord];
            }
            total += part.total;
            counted += part.counted;
            collectors.add(part.hits);
        }
        return new Result<>(hits == null ? null : hits.reduce(collectors), total, ordinals.tally(counts, counted));
    }

    /**
     * Per filtered dimension, the units of a segment holding one of its selected values, made by the first of the
     * segment's slices to need them.
     */
    private FixedBitSet[] holders(LeafReader segment, int leafOrd) throws IOException {
        FixedBitSet[] made = holders.get(leafOrd);
        if (made == null) {
            made = new FixedBitSet[selectedTerms.size()];
            for (int dim = 0; dim < made.length; dim++) {
                made[dim] = new FixedBitSet(segment.maxDoc());
                for (Term term : selectedTerms.get(dim)) {
                    PostingsEnum units = segment.postings(term, PostingsEnum.NONE);
                    if (units != null) {
                        made[dim].or(units);
                    }
                }
            }
            FixedBitSet[] raced = holders.putIfAbsent(leafOrd, made);
            made = raced == null ? made : raced;
        }
        return made;
    }

    /** The collector of one slice of the index. */
    final class Part implements Collector {
        private final C hits;
        /** By global ordinal. */
        private final int[] counts = new int[ordinals.size()];
        private long total;
        /** Hits and near misses: the units whose values were counted. */
        private long counted;

        private Part(C hits) {
            this.hits = hits;
        }

        @Override
        public ScoreMode scoreMode() {
            // never TOP_SCORES: every match is counted, also one that cannot make the page
            return hits != null && hits.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new SegmentPart(context, hits == null ? null : hits.getLeafCollector(context));
        }

        /**
         * A segment's part: counted in the segment's own ordinals, which the filters are translated to, and added
         * to the slice's count when the segment is done.
         */
        private final class SegmentPart implements LeafCollector {
            private final LeafCollector segmentHits;
            private final int[] toGlobal;
            private final int[] starts;
            private final FacetOrdinals.SegmentOrdinals segment;
            private final int[] segmentCounts;
            private final int[] segmentFilteredDim;
            /** Per filtered dimension, in the order of its bit: the segment's units holding its filter. */
            private final FixedBitSet[] segmentHolders;

            SegmentPart(LeafReaderContext context, LeafCollector segmentHits) throws IOException {
                this.segmentHits = segmentHits;
                segment = ordinals.segment(context.ord);
                toGlobal = ordinals.toGlobal(context.ord);
                starts = segment.starts();
                segmentCounts = new int[segment.valueCount()];
                segmentFilteredDim = new int[segment.valueCount()];
                for (int ord = 0; ord < segmentCounts.length; ord++) {
                    segmentFilteredDim[ord] = filteredDim[toGlobal[ord]];
                }
                segmentHolders = holders(context.reader(), context.ord);
            }

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                if (segmentHits != null) {
                    segmentHits.setScorer(scorer);
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                int from = starts[doc];
                int to = starts[doc + 1];
                int missed = missedFilters(doc);
                if (missed == 0) {
                    total++;
                    counted++;
                    if (segmentHits != null) {
                        segmentHits.collect(doc);
                    }
                    for (int i = from; i < to; i++) {
                        segmentCounts[segment.ord(i)]++;
                    }
                } else if ((missed & (missed - 1)) == 0) { // one filter missed: that dimension's values count
                    counted++;
                    for (int i = from; i < to; i++) {
                        int ord = segment.ord(i);
                        if (segmentFilteredDim[ord] == missed) {
                            segmentCounts[ord]++;
                        }
                    }
                }
            }

            /** The bits of the filtered dimensions whose filter the unit misses. */
            private int missedFilters(int doc) {
                int missed = 0;
                for (int dim = 0; dim < segmentHolders.length; dim++) {
                    if (!segmentHolders[dim].get(doc)) {
                        missed |= 1 << dim;
                    }
                }
                return missed;
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < segmentCounts.length; ord++) {
                    counts[toGlobal[ord]] += segmentCounts[ord];
                }
                if (segmentHits != null) {
                    segmentHits.finish();
                }
            }
        }
    }
}
