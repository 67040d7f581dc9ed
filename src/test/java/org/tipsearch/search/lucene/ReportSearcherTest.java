package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Hit;
import org.tipsearch.search.SearchRequest;

/** The embedded engine's view of an index: records of a type, deadlines, best passages. */
class ReportSearcherTest {

    @TempDir
    static Path indexDir;

    @BeforeAll
    static void buildIndex() throws Exception {
        assertEquals(List.of(), BundledReports.index(indexDir).failures());
    }

    /** A search begun past its deadline scores nothing, and says it was cut short. */
    @Test
    void aSearchBegunPastItsDeadlineCollectsNothing() throws Exception {
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            ReportSearcher view = viewOf(reader);
            Map<String, List<String>> recommendations = Map.of(Schema.KIND, List.of("recommendation"));

            var spent = new Deadline(Duration.ofNanos(1));
            var cut = view.until(spent).search(ReportSearcher.UNITS,
                    FacetedCollection.counting(view.facetOrdinals(), recommendations));
            assertEquals(0, cut.total());
            assertTrue(spent.cutShort());

            var unlimited = new Deadline(null);
            var whole = view.until(unlimited).search(ReportSearcher.UNITS,
                    FacetedCollection.counting(view.facetOrdinals(), recommendations));
            assertTrue(whole.total() > 0);
            assertFalse(unlimited.cutShort());
        }
    }

    /**
     * A search whose budget runs out while it scores one segment stops there, inside the segment, with what it
     * has collected (Lucene's timeout), rather than scoring the segment to its end. The clock moves a millisecond
     * each time it is read, so the budget runs out after a few reads.
     */
    @Test
    void aSearchPastItsDeadlineStopsInsideASegment(@TempDir Path copy) throws Exception {
        try (Directory source = FSDirectory.open(indexDir); Directory directory = FSDirectory.open(copy)) {
            try (var writer = new IndexWriter(directory, new IndexWriterConfig())) {
                writer.addIndexes(source);
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(1, reader.leaves().size());
                ReportSearcher view = viewOf(reader);
                long whole = view.until(new Deadline(null))
                        .search(new MatchAllDocsQuery(), FacetedCollection.counting(view.facetOrdinals(), Map.of()))
                        .total();

                long[] millis = {0};
                var running = new Deadline(Duration.ofMillis(2), () -> ++millis[0] * 1_000_000);
                long cut = view.until(running)
                        .search(new MatchAllDocsQuery(), FacetedCollection.counting(view.facetOrdinals(), Map.of()))
                        .total();
                assertTrue(cut > 0 && cut < whole, cut + " of " + whole);
                assertTrue(running.cutShort());
            }
        }
    }

    /**
     * A search among the records of one type finds and counts those alone, though its query asks nothing of the
     * type: Lucene would count every document from the index's statistics.
     */
    @Test
    void aSearchAmongTheRecordsOfATypeFindsAndCountsThoseAlone() throws Exception {
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            ReportSearcher view = viewOf(reader);
            Query word = new TermQuery(new Term(Schema.TEXT, "state"));
            for (String type : List.of(Schema.TYPE_UNIT, Schema.TYPE_RECOMMENDATION)) {
                var among = view.recordsOf(type, new Deadline(null));
                int ofType = view.count(ReportSearcher.ofType(type));
                assertEquals(ofType, among.count(new MatchAllDocsQuery()), type);
                assertEquals(ofType, among.search(new MatchAllDocsQuery(), reader.maxDoc()).scoreDocs.length, type);
                int wordOfType = view.count(ofType(word, type));
                assertTrue(wordOfType > 0 && wordOfType < view.count(word), type);
                assertEquals(wordOfType, among.count(word), type);
                assertEquals(wordOfType, among.search(word, new TotalHitCountCollectorManager(among.getSlices())), type);
            }
            assertEquals(208, view.recordsOf(Schema.TYPE_UNIT, new Deadline(null)).count(new MatchAllDocsQuery()));
            assertThrows(IllegalArgumentException.class, () -> view.recordsOf(Schema.TYPE_REPORT, new Deadline(null)));
        }
    }

    /**
     * Asked for a plain scorer rather than a bulk one, a weight among the records of one type scores those alone, as
     * a FILTER clause on the type would: no caller can turn the search's own shortcut into an error.
     */
    @Test
    void aScorerAmongTheRecordsOfATypeFindsThoseAlone() throws Exception {
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            ReportSearcher view = viewOf(reader);
            Query word = new TermQuery(new Term(Schema.TEXT, "state"));
            for (String type : List.of(Schema.TYPE_UNIT, Schema.TYPE_RECOMMENDATION)) {
                Weight among = new ReportSearcher.AmongRecords(view.createWeight(view.rewrite(word), ScoreMode.COMPLETE, 1),
                        ReportSearcher.liveRecords(reader, type));
                var found = new TreeSet<Integer>();
                for (LeafReaderContext leaf : reader.leaves()) {
                    Scorer scorer = among.scorer(leaf);
                    if (scorer == null) {
                        continue;
                    }
                    DocIdSetIterator docs = scorer.iterator();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        assertTrue(scorer.score() > 0, type);
                        found.add(leaf.docBase + doc);
                    }
                }
                var expected = new TreeSet<Integer>();
                for (var hit : view.search(ofType(word, type), reader.maxDoc()).scoreDocs) {
                    expected.add(hit.doc);
                }
                assertFalse(expected.isEmpty(), type);
                assertEquals(expected, found, type);
            }
        }
    }

    /** The records of a report deleted since the segment was written are not among those a search finds. */
    @Test
    void aSearchAmongTheRecordsOfATypeLeavesDeletedRecordsOut(@TempDir Path copy) throws Exception {
        try (Directory source = FSDirectory.open(indexDir); Directory directory = FSDirectory.open(copy)) {
            for (String file : source.listAll()) {
                directory.copyFrom(source, file, file, IOContext.DEFAULT);
            }
            String removed;
            int removedUnits;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                ReportSearcher view = viewOf(reader);
                removed = view.reports().keySet().iterator().next();
                removedUnits = view.unitCount(removed);
            }
            var keepSegments = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            try (var writer = new IndexWriter(directory, keepSegments)) {
                writer.deleteDocuments(new Term(Schema.REPORT, removed));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertTrue(reader.hasDeletions());
                var among = viewOf(reader).recordsOf(Schema.TYPE_UNIT, new Deadline(null));
                assertEquals(208 - removedUnits, among.count(new MatchAllDocsQuery()));
                assertEquals(208 - removedUnits, among.search(new MatchAllDocsQuery(), 1_000).scoreDocs.length);
            }
        }
    }

    /** The query's matches among the records of a type, as a FILTER clause finds them. */
    private static Query ofType(Query query, String type) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(ReportSearcher.ofType(type), BooleanClause.Occur.FILTER).build();
    }

    private static ReportSearcher viewOf(DirectoryReader reader) throws Exception {
        return (ReportSearcher) ReportSearcher.factory(Schema.facetsConfig(), Runnable::run, ReportSearcher.SLICE_DOCS)
                .newSearcher(reader, null);
    }

    /** The best passages stop at the deadline: a hit not reached keeps its opening, and the search is cut short. */
    @Test
    void bestPassagesStopAtTheDeadline() throws Exception {
        List<Hit> openings;
        try (var engine = LuceneEngine.open(indexDir, null)) {
            openings = engine.allUnits(SearchRequest.of("child", 10)).hits().subList(0, 3);
        }
        var spent = new Deadline(Duration.ofNanos(1));
        assertEquals(openings, BestPassages.apply(openings, "children at risk", new Embeddings(), spent));
        assertTrue(spent.cutShort());
    }
}
