package org.tipsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.LongValues;

/**
 * The facet values of every unit of one view of the index, held on the heap, and the counting of a result set's
 * values from them. Read through doc values, counting the values of half a million matches was most of a broad
 * query's time at a million units: every value is decoded from the memory-mapped file anew for every search.
 * Held here, it is one array read a value, and a large result set is counted on every core.
 */
final class FacetOrdinals {

    /** Below this many matches, a count runs in the searching thread alone: a hand-off would cost more. */
    private static final int MATCHES_PER_TASK = 65_536;

    private final SortedSetDocValuesReaderState state;
    private final List<SegmentOrdinals> segments;
    /** Per segment, its ordinals' global ordinals; null when the view is one segment (they are the same). */
    private final List<LongValues> toGlobal;
    /** The value (the last path component) of each global ordinal. */
    private final String[] values;

    private FacetOrdinals(SortedSetDocValuesReaderState state, List<SegmentOrdinals> segments,
            List<LongValues> toGlobal, String[] values) {
        this.state = state;
        this.segments = segments;
        this.toGlobal = toGlobal;
        this.values = values;
    }

    /** The ordinals of a view, reusing the cache's segments that an earlier view already read. */
    static FacetOrdinals of(SortedSetDocValuesReaderState state, Cache cache) throws IOException {
        SortedSetDocValues all = state.getDocValues();
        String[] values = new String[state.getSize()];
        for (int ord = 0; ord < values.length; ord++) {
            String[] path = FacetsConfig.stringToPath(all.lookupOrd(ord).utf8ToString());
            values[ord] = path[path.length - 1];
        }
        var segments = new ArrayList<SegmentOrdinals>();
        List<LongValues> toGlobal = null;
        List<LeafReaderContext> leaves = state.getReader().leaves();
        if (all instanceof MultiDocValues.MultiSortedSetDocValues multi) {
            toGlobal = new ArrayList<>();
            for (LeafReaderContext leaf : leaves) {
                toGlobal.add(multi.mapping.getGlobalOrds(leaf.ord));
            }
        }
        for (LeafReaderContext leaf : leaves) {
            segments.add(cache.of(leaf.reader(), state.getField()));
        }
        return new FacetOrdinals(state, List.copyOf(segments), toGlobal == null ? null : List.copyOf(toGlobal), values);
    }

    /** How many of a result set's units hold each value; the result set's matches must come from this view. */
    FacetTally count(FacetsCollector hits, TaskExecutor executor) throws IOException {
        List<FacetsCollector.MatchingDocs> matching = hits.getMatchingDocs();
        long total = matching.stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
        // A large result set's segments are split into doc-id ranges of about MATCHES_PER_TASK matches each.
        var ranges = new ArrayList<Range>();
        for (FacetsCollector.MatchingDocs docs : matching) {
            int maxDoc = docs.context().reader().maxDoc();
            int parts = total < MATCHES_PER_TASK ? 1 : Math.max(1, Math.ceilDiv(docs.totalHits(), MATCHES_PER_TASK));
            for (int part = 0; part < parts; part++) {
                int from = (int) ((long) maxDoc * part / parts);
                ranges.add(new Range(docs, from, (int) ((long) maxDoc * (part + 1) / parts)));
            }
        }
        List<int[]> segmentCounts;
        if (total < MATCHES_PER_TASK) {
            segmentCounts = new ArrayList<>();
            for (Range range : ranges) {
                segmentCounts.add(countRange(range));
            }
        } else {
            segmentCounts = executor.invokeAll(
                    ranges.stream().<Callable<int[]>>map(range -> () -> countRange(range)).toList());
        }
        int[] counts = new int[values.length];
        for (int i = 0; i < ranges.size(); i++) {
            addTo(counts, ranges.get(i).docs(), segmentCounts.get(i));
        }
        return new FacetTally(state, counts, values, total);
    }

    /** The matches of one segment whose doc ids are in [from, to). */
    private record Range(FacetsCollector.MatchingDocs docs, int from, int to) {}

    /** Counts, in the segment's own ordinals, the values of a range's matches. */
    private int[] countRange(Range range) throws IOException {
        SegmentOrdinals segment = segments.get(range.docs().context().ord);
        int[] counts = new int[segment.valueCount()];
        DocIdSetIterator matches = range.docs().bits() == null ? null : range.docs().bits().iterator();
        if (matches == null || range.from() >= range.to()) {
            return counts;
        }
        int[] starts = segment.starts();
        int[] ords = segment.ords();
        for (int doc = matches.advance(range.from()); doc < range.to(); doc = matches.nextDoc()) {
            for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
                counts[ords[i]]++;
            }
        }
        return counts;
    }

    private void addTo(int[] counts, FacetsCollector.MatchingDocs docs, int[] segmentCounts) {
        LongValues global = toGlobal == null ? null : toGlobal.get(docs.context().ord);
        for (int ord = 0; ord < segmentCounts.length; ord++) {
            if (segmentCounts[ord] != 0) {
                counts[global == null ? ord : (int) global.get(ord)] += segmentCounts[ord];
            }
        }
    }

    /**
     * The facet values of one segment's documents: document d's ordinals are {@code ords[starts[d]..starts[d+1])}.
     * About 36 bytes a unit at a million units.
     */
    record SegmentOrdinals(int[] starts, int[] ords, int valueCount) {

        static SegmentOrdinals read(LeafReader reader, String field) throws IOException {
            SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
            int[] starts = new int[reader.maxDoc() + 1];
            int[] ords = new int[Math.max(16, reader.maxDoc())];
            int size = 0;
            int next = 0; // the first document whose start is not yet set
            for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
                while (next <= doc) {
                    starts[next++] = size;
                }
                int count = docValues.docValueCount();
                ords = ArrayUtil.grow(ords, size + count);
                for (int i = 0; i < count; i++) {
                    ords[size++] = Math.toIntExact(docValues.nextOrd());
                }
            }
            while (next < starts.length) {
                starts[next++] = size;
            }
            return new SegmentOrdinals(starts, ArrayUtil.copyOfSubArray(ords, 0, size),
                    Math.toIntExact(docValues.getValueCount()));
        }
    }

    /**
     * Segments' ordinals shared by the views that hold them: a segment is read once, not at every reopening.
     * Documents are replaced whole (never by doc-values updates), so a segment's values never change; it is
     * forgotten when its core closes.
     */
    static final class Cache {
        private final Map<IndexReader.CacheKey, SegmentOrdinals> segments = new ConcurrentHashMap<>();

        SegmentOrdinals of(LeafReader reader, String field) throws IOException {
            IndexReader.CacheHelper core = reader.getCoreCacheHelper();
            if (core == null) { // a reader that cannot say when it closes is not cached
                return SegmentOrdinals.read(reader, field);
            }
            SegmentOrdinals cached = segments.get(core.getKey());
            if (cached == null) {
                cached = SegmentOrdinals.read(reader, field);
                if (segments.putIfAbsent(core.getKey(), cached) == null) {
                    core.addClosedListener(segments::remove);
                }
            }
            return cached;
        }

        /** How many segments are held: for tests. */
        int size() {
            return segments.size();
        }
    }
}
