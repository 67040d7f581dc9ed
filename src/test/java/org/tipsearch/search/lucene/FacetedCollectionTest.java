package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipsearch.BundledReports;
import org.tipsearch.index.Schema;

/**
 * One pass that collects the hits and counts the facets, drill sideways included, agrees with Lucene's
 * {@link DrillSideways} on whole segments: the same total, the same top hits, and every facet count alike, on a
 * searcher whose segments are split among cores, with no filter, one, several values of one dimension and
 * filters on two dimensions.
 */
class FacetedCollectionTest {

    private static final FacetsConfig CONFIG = Schema.facetsConfig();
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, SortField.FIELD_DOC);

    @TempDir
    static Path indexDir;
    static Directory directory;
    static ExecutorService cores;
    static SearcherManager manager;

    @BeforeAll
    static void open() throws Exception {
        BundledReports.index(indexDir);
        directory = FSDirectory.open(indexDir);
        cores = Executors.newFixedThreadPool(2);
        manager = new SearcherManager(DirectoryReader.open(directory), ReportSearcher.factory(CONFIG, cores, 32));
    }

    @AfterAll
    static void close() throws Exception {
        manager.close();
        directory.close();
        cores.shutdown();
    }

    static List<Map<String, List<String>>> filters() {
        return List.of(
                Map.of(),
                Map.of(Schema.KIND, List.of("recommendation")),
                Map.of(Schema.TOPIC, List.of("non-punishment", "organ-removal")),
                ordered(Schema.KIND, List.of("paragraph"), Schema.SPEAKER_TYPE, List.of("civil-society")),
                ordered(Schema.TOPIC, List.of("assistance-protection"), Schema.SESSION, List.of("no such session")),
                Map.of("no such dimension", List.of("anything")));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void countsAndHitsAgreeWithLucenesDrillSideways(Map<String, List<String>> filters) throws Exception {
        var searcher = (ReportSearcher) manager.acquire();
        try {
            assertTrue(Arrays.stream(searcher.getSlices()).flatMap(slice -> Arrays.stream(slice.partitions))
                    .anyMatch(part -> part.maxDocId != DocIdSetIterator.NO_MORE_DOCS), "segments are split");
            for (Query base : List.of(new TermQuery(new Term(Schema.TEXT, "victim")), new MatchAllDocsQuery())) {
                String what = base + " " + filters;
                var drillDown = new DrillDownQuery(CONFIG, base);
                filters.forEach((dim, values) -> values.forEach(value -> drillDown.add(dim, value)));
                DrillSideways.DrillSidewaysResult expected = new DrillSideways(
                        new IndexSearcher(searcher.getIndexReader()), CONFIG, searcher.facetState())
                        .search(drillDown, null, null, 20, RELEVANCE, false);

                FacetedCollection.Result<TopFieldDocs> actual = searcher.search(base, new FacetedCollection<>(
                        searcher.facetOrdinals(), filters, new TopFieldCollectorManager(RELEVANCE, 20, null, Integer.MAX_VALUE)));
                assertEquals(expected.hits.totalHits.value(), actual.total(), what);
                assertEquals(docs(expected.hits.scoreDocs), docs(actual.hits().scoreDocs), what);
                assertEquals(describe(expected.facets), describe(actual.facets()), what);

                FacetedCollection.Result<Void> counted = searcher.search(base,
                        FacetedCollection.counting(searcher.facetOrdinals(), filters));
                assertEquals(actual.total(), counted.total(), what);
                assertEquals(describe(actual.facets()), describe(counted.facets()), what);
            }
        } finally {
            manager.release(searcher);
        }
    }

    /** The bundled reports hold the values these filters select (else the agreement would be over nothing). */
    @ParameterizedTest
    @MethodSource("filters")
    void theFiltersSelectSomething(Map<String, List<String>> filters) throws Exception {
        var searcher = (ReportSearcher) manager.acquire();
        try {
            filters.forEach((dim, values) -> values.stream()
                    .filter(value -> !dim.startsWith("no such") && !value.startsWith("no such"))
                    .forEach(value -> assertTrue(searcher.facetOrdinals().ordinal(dim, value) >= 0, dim + "=" + value)));
        } finally {
            manager.release(searcher);
        }
    }

    private static Map<String, List<String>> ordered(String dim, List<String> values, String otherDim,
            List<String> otherValues) {
        var filters = new LinkedHashMap<String, List<String>>();
        filters.put(dim, values);
        filters.put(otherDim, otherValues);
        return filters;
    }

    private static List<Integer> docs(ScoreDoc[] hits) {
        return Arrays.stream(hits).map(hit -> hit.doc).toList();
    }

    /** Every dimension's counts; Lucene's drill sideways lists a dimension with no counts as null, ours omits it. */
    private static List<String> describe(Facets facets) throws Exception {
        return facets.getAllDims(100).stream().filter(Objects::nonNull).map(FacetResult::toString).sorted().toList();
    }
}
