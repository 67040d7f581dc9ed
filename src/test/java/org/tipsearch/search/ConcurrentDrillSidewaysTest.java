package org.tipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.index.Schema;

/**
 * Drill sideways on a searcher whose large segments are split among cores: a merged index of a million units is a
 * few large segments, and a search with facet filters failed there (Lucene's drill-sideways scorer takes a
 * segment whole).
 */
class ConcurrentDrillSidewaysTest {

    private static final FacetsConfig CONFIG = Schema.facetsConfig();

    @TempDir
    static Path indexDir;

    @Test
    void aFilteredSearchOnSplitSegmentsCountsAsLuceneDoesOnWholeOnes() throws Exception {
        BundledReports.index(indexDir);
        ExecutorService cores = Executors.newFixedThreadPool(2);
        try (Directory directory = FSDirectory.open(indexDir);
                var manager = new SearcherManager(DirectoryReader.open(directory),
                        ReportSearcher.factory(CONFIG, cores, 32))) {
            var searcher = (ReportSearcher) manager.acquire();
            try {
                assertTrue(Arrays.stream(searcher.getSlices()).flatMap(slice -> Arrays.stream(slice.partitions))
                        .anyMatch(part -> part.maxDocId != DocIdSetIterator.NO_MORE_DOCS), "segments are split");
                for (boolean filtered : List.of(true, false)) {
                    var query = new DrillDownQuery(CONFIG, new TermQuery(new Term(Schema.TEXT, "victim")));
                    if (filtered) {
                        query.add(Schema.KIND, "recommendation");
                    }
                    DrillSideways.DrillSidewaysResult actual = new ConcurrentDrillSideways(searcher, CONFIG, filtered)
                            .search(query, 10);
                    DrillSideways.DrillSidewaysResult expected = new DrillSideways(
                            new IndexSearcher(searcher.getIndexReader()), CONFIG, searcher.facetState())
                            .search(query, 10);
                    assertEquals(expected.hits.totalHits, actual.hits.totalHits, "filtered: " + filtered);
                    assertEquals(describe(expected.facets), describe(actual.facets), "filtered: " + filtered);
                }
            } finally {
                manager.release(searcher);
            }
        } finally {
            cores.shutdown();
        }
    }

    private static List<String> describe(Facets facets) throws Exception {
        return facets.getAllDims(100).stream().map(FacetResult::toString).sorted().toList();
    }
}
