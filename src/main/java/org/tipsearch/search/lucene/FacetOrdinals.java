package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.LongValues;

/**
 * The facet values of every unit of one view of the index, held on the heap for {@link FacetedCollection} to count
 * a result set's values as it collects it. Read through doc values, every value of a broad query's matches is
 * decoded from the memory-mapped file anew for every search; held here, it is one array read a value.
 */
final class FacetOrdinals {

    private final SortedSetDocValuesReaderState state;
    /** Per segment (by its ord in the view), its units' values. */
    private final List<SegmentOrdinals> segments;
    /** Per segment, the global ordinal of each of its own ordinals. */
    private final List<int[]> toGlobal;
    /** The value (the last path component) of each global ordinal. */
    private final String[] values;

    private FacetOrdinals(SortedSetDocValuesReaderState state, List<SegmentOrdinals> segments, List<int[]> toGlobal,
            String[] values) {
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
        var toGlobal = new ArrayList<int[]>();
        for (LeafReaderContext leaf : state.getReader().leaves()) {
            SegmentOrdinals segment = cache.of(leaf.reader(), state.getField());
            segments.add(segment);
            // a view of one segment has no ordinal map: its ordinals are the global ones
            LongValues global = all instanceof MultiDocValues.MultiSortedSetDocValues multi
                    ? multi.mapping.getGlobalOrds(leaf.ord) : LongValues.IDENTITY;
            int[] mapped = new int[segment.valueCount()];
            for (int ord = 0; ord < mapped.length; ord++) {
                mapped[ord] = Math.toIntExact(global.get(ord));
            }
            toGlobal.add(mapped);
        }
        return new FacetOrdinals(state, List.copyOf(segments), List.copyOf(toGlobal), values);
    }

    /** How many values the view holds, all dimensions together: the size of a count by global ordinal. */
    int size() {
        return values.length;
    }

    /** The values of a segment's units, by the segment's ord in the view. */
    SegmentOrdinals segment(int leafOrd) {
        return segments.get(leafOrd);
    }

    /** The global ordinal of each of a segment's own ordinals. */
    int[] toGlobal(int leafOrd) {
        return toGlobal.get(leafOrd);
    }

    /** The global ordinals of a dimension's values (both ends included); null if the dimension was never indexed. */
    SortedSetDocValuesReaderState.OrdRange range(String dim) {
        return state.getOrdRange(dim);
    }

    /** The field of the facet values, and of their drill-down terms. */
    String field() {
        return state.getField();
    }

    /** The global ordinal of a dimension's value, or -1 if no unit of the view holds it. */
    int ordinal(String dim, String value) {
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        for (int ord = range == null ? 0 : range.start(); range != null && ord <= range.end(); ord++) {
            if (values[ord].equals(value)) {
                return ord;
            }
        }
        return -1;
    }

    /** Counts by global ordinal, of a result set of {@code matches} units, read as Lucene's facets. */
    FacetTally tally(int[] counts, long matches) {
        return new FacetTally(state, counts, values, matches);
    }

    /**
     * The facet values of one segment's documents: document d's ordinals are {@code ord(i)} for i in
     * {@code starts[d]..starts[d+1])}. They are held as chars where the segment's values fit in 16 bits, as they do
     * with the curator's lists (a few hundred values): counting a broad query's matches waits on memory more than it
     * computes, so half the bytes make it faster. A segment with more values holds ints, so no list is too long.
     */
    record SegmentOrdinals(int[] starts, char[] ords, int[] wideOrds, int valueCount) {

        /** The most values a segment's ordinals can tell apart as chars. */
        static final int MAX_NARROW_VALUES = Character.MAX_VALUE + 1;

        SegmentOrdinals {
            if ((ords == null) == (wideOrds == null)) {
                throw new IllegalArgumentException("a segment's ordinals are held as chars or as ints, one of the two");
            }
        }

        /** The i-th ordinal of the segment's documents, all documents' ordinals in a row. */
        int ord(int i) {
            return ords != null ? ords[i] : wideOrds[i];
        }

        /** Whether the ordinals are held as ints, the segment holding more values than chars tell apart. */
        boolean wide() {
            return wideOrds != null;
        }

        static SegmentOrdinals read(LeafReader reader, String field) throws IOException {
            SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
            int valueCount = Math.toIntExact(docValues.getValueCount());
            boolean wide = valueCount > MAX_NARROW_VALUES;
            int[] starts = new int[reader.maxDoc() + 1];
            // the ordinals go straight into the array they are kept in, one of the two
            char[] ords = wide ? null : new char[Math.max(16, reader.maxDoc())];
            int[] wideOrds = wide ? new int[Math.max(16, reader.maxDoc())] : null;
            int size = 0;
            int next = 0; // the first document whose start is not yet set
            for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
                while (next <= doc) {
                    starts[next++] = size;
                }
                int count = docValues.docValueCount();
                if (wide) {
                    wideOrds = ArrayUtil.grow(wideOrds, size + count);
                } else {
                    ords = ArrayUtil.grow(ords, size + count);
                }
                for (int i = 0; i < count; i++, size++) {
                    int ord = Math.toIntExact(docValues.nextOrd());
                    if (wide) {
                        wideOrds[size] = ord;
                    } else {
                        ords[size] = (char) ord;
                    }
                }
            }
            while (next < starts.length) {
                starts[next++] = size;
            }
            return wide ? new SegmentOrdinals(starts, null, ArrayUtil.copyOfSubArray(wideOrds, 0, size), valueCount)
                    : new SegmentOrdinals(starts, ArrayUtil.copyOfSubArray(ords, 0, size), null, valueCount);
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
