package org.tipsearch.search;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportMetadata;

/**
 * A searcher over one point-in-time view of the index, with what every request needs of that view made
 * once when the view opens: the reports' metadata and unit counts, and the facet ordinals. The manager shares
 * one per view; a search runs on its own copy of it, which stops at the search's deadline ({@link #until}).
 */
final class ReportSearcher extends IndexSearcher {

    static final Query PARAGRAPHS = ofType(Schema.TYPE_PARAGRAPH);
    static final Sort REPORT_ORDER = new Sort(
            new SortField(Schema.REPORT, SortField.Type.STRING), new SortedNumericSortField(Schema.POSITION, SortField.Type.INT));

    static final int SLICE_DOCS = 250_000;
    private static final int MAX_SEGMENTS_PER_SLICE = 5;

    private final Map<String, IndexedReport> reports;
    private final Map<String, Integer> unitCounts;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetOrdinals facetOrdinals;
    private final int paragraphCount;
    /** The fields of every segment together: each highlighting would merge them anew, segment by segment. */
    private final FieldInfos fieldInfos;
    /** Null for the view the manager shares, which searches to the end. */
    private final Deadline deadline;
    private final Executor segments;
    /** At most this many documents a slice (see {@link #slices}). */
    private final int sliceDocs;

    private ReportSearcher(IndexReader reader, FacetsConfig facetsConfig, Executor segments, int sliceDocs,
            FacetOrdinals.Cache ordinals) throws IOException {
        super(reader, segments);
        this.segments = segments;
        this.sliceDocs = sliceDocs;
        deadline = null;
        var metadata = new TreeMap<String, IndexedReport>();
        StoredFields stored = storedFields();
        Query reportRecords = ofType(Schema.TYPE_REPORT);
        for (ScoreDoc sd : search(reportRecords, Math.max(1, count(reportRecords))).scoreDocs) {
            IndexedReport report = Documents.report(stored.document(sd.doc));
            metadata.put(report.id(), report);
        }
        reports = Collections.unmodifiableMap(metadata);
        unitCounts = Collections.unmodifiableMap(unitCounts(reader));
        paragraphCount = count(PARAGRAPHS);
        fieldInfos = FieldInfos.getMergedFieldInfos(reader);
        boolean hasFacets = fieldInfos.fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
        facetState = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, facetsConfig) : null;
        facetOrdinals = hasFacets ? FacetOrdinals.of(facetState, ordinals) : null;
    }

    private ReportSearcher(ReportSearcher view, Deadline deadline) {
        super(view.getIndexReader(), view.segments);
        segments = view.segments;
        sliceDocs = view.sliceDocs;
        reports = view.reports;
        unitCounts = view.unitCounts;
        facetState = view.facetState;
        facetOrdinals = view.facetOrdinals;
        paragraphCount = view.paragraphCount;
        fieldInfos = view.fieldInfos;
        this.deadline = deadline;
    }

    /**
     * This view for one search, which stops at the deadline: over the same reader, so the facet ordinals still
     * fit, and cheap to make. The shared view cannot carry a deadline: every search running on it would share it.
     */
    ReportSearcher until(Deadline deadline) {
        return new ReportSearcher(this, deadline);
    }

    /**
     * Searches a segment (or a slice's part of one) if the deadline allows: a search out of time stops between
     * parts, and answers what it has collected, marked partial.
     */
    @Override
    protected void searchLeaf(LeafReaderContext leaf, int minDocId, int maxDocId, Weight weight, Collector collector)
            throws IOException {
        if (deadline == null || deadline.allows()) {
            super.searchLeaf(leaf, minDocId, maxDocId, weight, collector);
        }
    }

    /**
     * Slices of at most {@link #SLICE_DOCS} documents, a large segment split into several: a merged index of a
     * million units is mostly one segment, which one core alone would search.
     */
    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return slices(leaves, sliceDocs, MAX_SEGMENTS_PER_SLICE, true);
    }

    /**
     * The units of each report, in one pass over the units' report ids: a count query per report would take
     * seconds at each reopening of an index of tens of thousands of reports.
     */
    private static Map<String, Integer> unitCounts(IndexReader reader) throws IOException {
        var counts = new HashMap<String, Integer>();
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum units = leaf.reader().postings(new Term(Schema.TYPE, Schema.TYPE_PARAGRAPH), PostingsEnum.NONE);
            SortedDocValues reportIds = leaf.reader().getSortedDocValues(Schema.REPORT);
            if (units == null || reportIds == null) {
                continue;
            }
            int[] perOrdinal = new int[reportIds.getValueCount()];
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = units.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = units.nextDoc()) {
                if ((live == null || live.get(doc)) && reportIds.advanceExact(doc)) {
                    perOrdinal[reportIds.ordValue()]++;
                }
            }
            for (int ord = 0; ord < perOrdinal.length; ord++) {
                if (perOrdinal[ord] > 0) {
                    counts.merge(reportIds.lookupOrd(ord).utf8ToString(), perOrdinal[ord], Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The records of one type: paragraphs, recommendations or reports. */
    static Query ofType(String type) {
        return new TermQuery(new Term(Schema.TYPE, type));
    }

    /**
     * Opens a {@link ReportSearcher} whenever the manager opens or reopens a view.
     *
     * @param segments runs a search's slices of segments side by side
     */
    static SearcherFactory factory(FacetsConfig facetsConfig, Executor segments) {
        return factory(facetsConfig, segments, SLICE_DOCS);
    }

    /** As {@link #factory(FacetsConfig, Executor)}, with slices of at most {@code sliceDocs} documents. */
    static SearcherFactory factory(FacetsConfig facetsConfig, Executor segments, int sliceDocs) {
        var ordinals = new FacetOrdinals.Cache(); // shared by the views of one index, so each segment is read once
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                return new ReportSearcher(reader, facetsConfig, segments, sliceDocs, ordinals);
            }
        };
    }

    /** Every report, by id, in id order. */
    Map<String, IndexedReport> reports() {
        return reports;
    }

    /** The metadata of a report of this view. */
    ReportMetadata metadata(String reportId) {
        return reports.get(reportId).metadata();
    }

    int unitCount(String reportId) {
        return unitCounts.getOrDefault(reportId, 0);
    }

    int paragraphCount() {
        return paragraphCount;
    }

    /** A field of this view, as any of its segments has it; null if none has. */
    FieldInfo fieldInfo(String field) {
        return fieldInfos.fieldInfo(field);
    }

    /** The facet ordinals of this view, or null while the index holds no facets (no units). */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** The facet values of every unit of this view, or null while the index holds no facets. */
    FacetOrdinals facetOrdinals() {
        return facetOrdinals;
    }
}
