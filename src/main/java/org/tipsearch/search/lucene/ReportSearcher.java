package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
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
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportMetadata;

/**
 * A searcher over one point-in-time view of the index, with what every request needs of that view made
 * once when the view opens: the reports' metadata and unit counts, the facet ordinals, and the records of each
 * type a search looks among. The manager shares one per view; a search runs on its own copy of it, which stops at
 * the search's deadline ({@link #until}) and may look among the records of one type alone ({@link #recordsOf}).
 */
final class ReportSearcher extends IndexSearcher {

    static final Query UNITS = ofType(Schema.TYPE_UNIT);
    static final Sort REPORT_ORDER = new Sort(
            new SortField(Schema.REPORT, SortField.Type.STRING), new SortedNumericSortField(Schema.POSITION, SortField.Type.INT));

    static final int SLICE_DOCS = 250_000;
    private static final int MAX_SEGMENTS_PER_SLICE = 5;

    private final Map<String, IndexedReport> reports;
    private final Map<String, Integer> unitCounts;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetOrdinals facetOrdinals;
    private final int unitTotal;
    /** Per type a search looks among (paragraphs, register entries), per segment: its live records of the type. */
    private final Map<String, List<FixedBitSet>> liveRecords;
    /** Per segment, the live records of the type this copy searches among; null for every live document. */
    private final List<FixedBitSet> accepted;
    /** The fields of every segment together: each highlighting would merge them anew, segment by segment. */
    private final FieldInfos fieldInfos;
    private final Executor segments;
    /** At most this many documents a slice (see {@link #slices}). */
    private final int sliceDocs;

    private ReportSearcher(IndexReader reader, FacetsConfig facetsConfig, Executor segments, int sliceDocs,
            FacetOrdinals.Cache ordinals) throws IOException {
        super(reader, segments);
        this.segments = segments;
        this.sliceDocs = sliceDocs;
        accepted = null;
        var metadata = new TreeMap<String, IndexedReport>();
        StoredFields stored = storedFields();
        Query reportRecords = ofType(Schema.TYPE_REPORT);
        for (ScoreDoc sd : search(reportRecords, Math.max(1, count(reportRecords))).scoreDocs) {
            IndexedReport report = Documents.report(stored.document(sd.doc));
            metadata.put(report.id(), report);
        }
        reports = Collections.unmodifiableMap(metadata);
        List<FixedBitSet> paragraphs = liveRecords(reader, Schema.TYPE_UNIT);
        liveRecords = Map.of(Schema.TYPE_UNIT, paragraphs,
                Schema.TYPE_RECOMMENDATION, liveRecords(reader, Schema.TYPE_RECOMMENDATION));
        unitCounts = Collections.unmodifiableMap(unitCounts(reader, paragraphs));
        unitTotal = paragraphs.stream().mapToInt(FixedBitSet::cardinality).sum();
        fieldInfos = FieldInfos.getMergedFieldInfos(reader);
        boolean hasFacets = fieldInfos.fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
        facetState = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, facetsConfig) : null;
        facetOrdinals = hasFacets ? FacetOrdinals.of(facetState, ordinals) : null;
    }

    private ReportSearcher(ReportSearcher view, Deadline deadline, String acceptedType) {
        super(view.getIndexReader(), view.segments);
        segments = view.segments;
        sliceDocs = view.sliceDocs;
        reports = view.reports;
        unitCounts = view.unitCounts;
        facetState = view.facetState;
        facetOrdinals = view.facetOrdinals;
        unitTotal = view.unitTotal;
        fieldInfos = view.fieldInfos;
        liveRecords = view.liveRecords;
        accepted = acceptedType == null ? null : liveRecords.get(acceptedType);
        if (deadline.limited()) {
            // Lucene's own timeout: scoring stops inside a segment, and nearest neighbours stop their walk, once
            // the budget is spent; what was collected is answered, marked partial by the deadline.
            setTimeout(deadline::expired);
        }
    }

    /**
     * This view for one search, which stops at the deadline: over the same reader, so the facet ordinals still
     * fit, and cheap to make. The shared view cannot carry a deadline: every search running on it would share it.
     */
    ReportSearcher until(Deadline deadline) {
        return new ReportSearcher(this, deadline, null);
    }

    /**
     * This view for one search among the records of one type, which stops at the deadline (see {@link #until}).
     * The type is the documents the search accepts, not a clause of its query: a question's words then stay the
     * disjunction they are, which Lucene scores a window of documents at a time, not document by document in a
     * conjunction with the type, which is slower for questions of many words.
     *
     * @param type {@link Schema#TYPE_UNIT} or {@link Schema#TYPE_RECOMMENDATION}
     */
    ReportSearcher recordsOf(String type, Deadline deadline) {
        if (!liveRecords.containsKey(type)) {
            throw new IllegalArgumentException("searches do not look among records of type " + type);
        }
        return new ReportSearcher(this, deadline, type);
    }

    /** Every search of a copy among the records of one type comes through here, to find those alone. */
    @Override
    protected void search(LeafReaderContextPartition[] partitions, Weight weight, Collector collector)
            throws IOException {
        super.search(partitions, accepted == null ? weight : new AmongRecords(weight, accepted), collector);
    }

    /**
     * A weight that finds the records of one type alone: its bulk scorers accept those (the live ones) where
     * Lucene accepts the live documents, and it has no count of its own, which Lucene would take from the index's
     * statistics of every type.
     */
    static final class AmongRecords extends FilterWeight {
        private final List<FixedBitSet> records;

        AmongRecords(Weight weight, List<FixedBitSet> records) {
            super(weight);
            this.records = records;
        }

        @Override
        public int count(LeafReaderContext leaf) {
            return -1;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
            ScorerSupplier scorers = in.scorerSupplier(leaf);
            if (scorers == null) {
                return null;
            }
            FixedBitSet accepted = records.get(leaf.ord);
            return new ScorerSupplier() {
                /** A scorer for whoever asks one (a search scores in bulk): its matches among the type's records. */
                @Override
                public Scorer get(long leadCost) throws IOException {
                    Scorer scorer = scorers.get(leadCost);
                    DocIdSetIterator among = ConjunctionUtils.intersectIterators(List.of(scorer.iterator(),
                            new BitSetIterator(accepted, accepted.cardinality())));
                    return new Scorer() {
                        @Override
                        public int docID() {
                            return among.docID();
                        }

                        @Override
                        public DocIdSetIterator iterator() {
                            return among;
                        }

                        @Override
                        public float score() throws IOException {
                            return scorer.score();
                        }

                        @Override
                        public float getMaxScore(int upTo) throws IOException {
                            return scorer.getMaxScore(upTo);
                        }

                        @Override
                        public int advanceShallow(int target) throws IOException {
                            return scorer.advanceShallow(target);
                        }

                        @Override
                        public void setMinCompetitiveScore(float minScore) throws IOException {
                            scorer.setMinCompetitiveScore(minScore);
                        }
                    };
                }

                @Override
                public BulkScorer bulkScorer() throws IOException {
                    BulkScorer bulk = scorers.bulkScorer();
                    return new BulkScorer() {
                        @Override
                        public int score(LeafCollector collector, Bits liveDocs, int min, int max) throws IOException {
                            return bulk.score(collector, accepted, min, max); // the type's live records
                        }

                        @Override
                        public long cost() {
                            return bulk.cost();
                        }
                    };
                }

                @Override
                public long cost() {
                    return scorers.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    scorers.setTopLevelScoringClause();
                }
            };
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
     * The units of each report, in one pass over the live units' report ids: a count query per report would take
     * seconds at each reopening of an index of tens of thousands of reports.
     *
     * @param units per segment, its live units
     */
    private static Map<String, Integer> unitCounts(IndexReader reader, List<FixedBitSet> units) throws IOException {
        var counts = new HashMap<String, Integer>();
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues reportIds = leaf.reader().getSortedDocValues(Schema.REPORT);
            if (reportIds == null) {
                continue;
            }
            int[] perOrdinal = new int[reportIds.getValueCount()];
            var segmentUnits = new BitSetIterator(units.get(leaf.ord), 0);
            for (int doc = segmentUnits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = segmentUnits.nextDoc()) {
                if (reportIds.advanceExact(doc)) {
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

    /** Per segment, the live records of a type. */
    static List<FixedBitSet> liveRecords(IndexReader reader, String type) throws IOException {
        var perSegment = new ArrayList<FixedBitSet>();
        for (LeafReaderContext leaf : reader.leaves()) {
            var records = new FixedBitSet(leaf.reader().maxDoc());
            PostingsEnum ofType = leaf.reader().postings(new Term(Schema.TYPE, type), PostingsEnum.NONE);
            if (ofType != null) {
                records.or(ofType);
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; live != null && doc < records.length(); doc++) {
                if (!live.get(doc)) {
                    records.clear(doc);
                }
            }
            perSegment.add(records);
        }
        return List.copyOf(perSegment);
    }

    /** The records of one type: paragraphs, recommendations or reports. */
    static Query ofType(String type) {
        return new TermQuery(new Term(Schema.TYPE, type));
    }

    /**
     * Opens a {@link ReportSearcher} whenever the manager opens or reopens a view.
     *
     * @param segments  runs a search's slices of segments side by side
     * @param sliceDocs at most this many documents a slice: {@link #SLICE_DOCS}, or fewer in a test
     */
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

    int unitTotal() {
        return unitTotal;
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
