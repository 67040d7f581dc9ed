package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.index.Schema;

/** The on-heap facet counts agree with Lucene's own, counted from doc values, on the bundled reports. */
class FacetOrdinalsTest {

    @TempDir
    static Path indexDir;
    static Directory directory;
    static ExecutorService cores;

    private static final FacetsConfig CONFIG = Schema.facetsConfig();
    private static final List<Query> QUERIES = List.of(
            new MatchAllDocsQuery(),
            new TermQuery(new Term(Schema.TEXT, "victim")),
            new TermQuery(new Term(Schema.TEXT, "organ")),
            new TermQuery(new Term(Schema.KIND, "recommendation")),
            new TermQuery(new Term(Schema.TEXT, "nosuchword")));

    @BeforeAll
    static void buildIndex() throws Exception {
        BundledReports.index(indexDir);
        directory = FSDirectory.open(indexDir);
        cores = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() throws Exception {
        directory.close();
        cores.shutdown();
    }

    @Test
    void countsAgreeWithLuceneOnTheIndex() throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertSameCounts(reader);
        }
    }

    /**
     * Three hundred copies of the index in one reader: many segments, whose own ordinals must be mapped to the view's,
     * searched in slices on every core.
     */
    @Test
    void countsAgreeWithLuceneAcrossSegmentsAndOnEveryCore() throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexReader[] copies = new IndexReader[300];
            Arrays.fill(copies, reader);
            try (var many = new MultiReader(copies, false)) {
                assertSameCounts(many);
            }
        }
    }

    @Test
    void aSegmentIsReadOnceForEveryViewThatHoldsItAndForgottenWhenItCloses() throws Exception {
        var cache = new FacetOrdinals.Cache();
        try (Directory copy = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(copy, new IndexWriterConfig())) {
            writer.addIndexes(directory);
            writer.commit();
            try (DirectoryReader first = DirectoryReader.open(copy)) {
                FacetOrdinals.of(new DefaultSortedSetDocValuesReaderState(first, CONFIG), cache);
                int segments = first.leaves().size();
                assertEquals(segments, cache.size());
                var unit = new Document();
                unit.add(new SortedSetDocValuesFacetField(Schema.KIND, "paragraph"));
                writer.addDocument(CONFIG.build(unit));
                writer.commit();
                try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
                    assertNotNull(second);
                    FacetOrdinals.of(new DefaultSortedSetDocValuesReaderState(second, CONFIG), cache);
                    assertEquals(segments + 1, cache.size(), "only the new segment is read");
                }
            }
        }
        assertEquals(0, cache.size(), "closed segments are forgotten");
    }

    /**
     * A curator's list may grow past what chars tell apart: a segment of more values than that holds its ordinals as
     * ints, and counts as Lucene does, also under a filter (the filtered dimension counted drill-sideways).
     */
    @Test
    void aSegmentOfMoreValuesThanCharsTellApartCountsAsLucene() throws Exception {
        int values = FacetOrdinals.SegmentOrdinals.MAX_NARROW_VALUES - 2; // and the two topics
        try (Directory many = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(many, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
            for (int value = 0; value < values; value++) {
                writer.addDocument(organization("organization " + value, value % 3 == 0 ? "non-punishment" : "organ-removal"));
            }
            writer.forceMerge(1);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertEquals(false, ordinalsOf(reader).segment(0).wide(), "the last value chars tell apart");
                assertCountsWithAndWithoutAFilter(reader, values);
            }
            writer.addDocument(organization("one organization more", "organ-removal"));
            writer.forceMerge(1);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertEquals(true, ordinalsOf(reader).segment(0).wide());
                assertCountsWithAndWithoutAFilter(reader, values + 1);
            }
        }
    }

    private static FacetOrdinals ordinalsOf(IndexReader reader) throws Exception {
        return FacetOrdinals.of(new DefaultSortedSetDocValuesReaderState(reader, CONFIG), new FacetOrdinals.Cache());
    }

    private static void assertCountsWithAndWithoutAFilter(IndexReader reader, int organizations) throws Exception {
        var searcher = new IndexSearcher(reader);
        var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
        FacetOrdinals ordinals = FacetOrdinals.of(state, new FacetOrdinals.Cache());
        Facets lucene = new SortedSetDocValuesFacetCounts(state, searcher.search(new MatchAllDocsQuery(),
                new FacetsCollectorManager()));
        Facets counted = searcher.search(new MatchAllDocsQuery(), FacetedCollection.counting(ordinals, Map.of())).facets();
        for (String dim : List.of(Schema.ORGANIZATION, Schema.TOPIC)) {
            // every value, the highest ordinals too
            assertEquals(describe(lucene.getAllChildren(dim)), describe(counted.getAllChildren(dim)), dim);
        }
        assertEquals(organizations, counted.getAllChildren(Schema.ORGANIZATION).childCount);
        // one topic chosen: the organizations are counted among its units, the topics among all (drill-sideways)
        Facets filtered = searcher.search(new MatchAllDocsQuery(),
                FacetedCollection.counting(ordinals, Map.of(Schema.TOPIC, List.of("non-punishment")))).facets();
        assertEquals(0, filtered.getSpecificValue(Schema.ORGANIZATION, "organization 1"));
        assertEquals(1, filtered.getSpecificValue(Schema.ORGANIZATION, "organization 3"));
        assertEquals(lucene.getSpecificValue(Schema.TOPIC, "organ-removal"), filtered.getSpecificValue(Schema.TOPIC, "organ-removal"));
    }

    private static Document organization(String name, String topic) throws Exception {
        var unit = new Document();
        unit.add(new SortedSetDocValuesFacetField(Schema.ORGANIZATION, name));
        unit.add(new SortedSetDocValuesFacetField(Schema.TOPIC, topic));
        return CONFIG.build(unit);
    }

    private static void assertSameCounts(IndexReader reader) throws Exception {
        var searcher = new IndexSearcher(reader, cores);
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
        FacetOrdinals ordinals = FacetOrdinals.of(state, new FacetOrdinals.Cache());
        for (Query query : QUERIES) {
            FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
            Facets expected = new SortedSetDocValuesFacetCounts(state, hits);
            Facets actual = searcher.search(query, FacetedCollection.counting(ordinals, Map.of())).facets();
            for (String dim : state.getDims()) {
                assertEquals(describe(expected.getAllChildren(dim)), describe(actual.getAllChildren(dim)),
                        query + ", " + dim);
                assertEquals(describe(expected.getTopChildren(3, dim)), describe(actual.getTopChildren(3, dim)),
                        query + ", top 3 of " + dim);
            }
            assertEquals(expected.getAllDims(5).stream().map(FacetOrdinalsTest::describe).toList(),
                    actual.getAllDims(5).stream().map(FacetOrdinalsTest::describe).toList(), query.toString());
        }
        FacetsCollector all = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
        Facets counted = searcher.search(new MatchAllDocsQuery(), FacetedCollection.counting(ordinals, Map.of())).facets();
        Facets lucene = new SortedSetDocValuesFacetCounts(state, all);
        FacetResult kinds = counted.getAllChildren(Schema.KIND);
        assertNotNull(kinds);
        assertEquals(lucene.getSpecificValue(Schema.KIND, kinds.labelValues[0].label),
                counted.getSpecificValue(Schema.KIND, kinds.labelValues[0].label));
        assertEquals(-1, counted.getSpecificValue(Schema.KIND, "no such kind"));
        assertNull(counted.getAllChildren("no such dimension"));
    }

    /** A result's dimension, count and labelled values, in order; "none" for null. */
    private static String describe(FacetResult result) {
        if (result == null) {
            return "none";
        }
        var values = new ArrayList<String>();
        Arrays.stream(result.labelValues).forEach(lv -> values.add(lv.label + "=" + lv.value));
        return result.dim + " " + result.value + " " + result.childCount + " " + values;
    }
}
