package org.tipsearch.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;

/**
 * Drill sideways whose facet counts are made segment by segment on every core. Counting the facet values of
 * half a million matches was 60% of a broad query's time at a million units, in one thread, after a search
 * that already ran on all of them.
 */
final class ConcurrentDrillSideways extends DrillSideways {

    private final SortedSetDocValuesReaderState facetState;
    private final ExecutorService segments;

    ConcurrentDrillSideways(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState facetState,
            ExecutorService segments) {
        super(searcher, config, facetState);
        this.facetState = facetState;
        this.segments = segments;
    }

    @Override
    protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
            String[] drillSidewaysDims) throws IOException {
        Facets drillDownFacets = count(drillDowns);
        if (drillSideways == null || drillSideways.length == 0) {
            return drillDownFacets;
        }
        Map<String, Facets> sideways = new HashMap<>();
        for (int i = 0; i < drillSideways.length; i++) {
            sideways.put(drillSidewaysDims[i], count(drillSideways[i]));
        }
        return new MultiFacets(sideways, drillDownFacets);
    }

    private Facets count(FacetsCollector hits) throws IOException {
        if (hits.getMatchingDocs().size() <= 1) { // one segment: counted here, not handed to another thread
            return new SortedSetDocValuesFacetCounts(facetState, hits);
        }
        try {
            return new ConcurrentSortedSetDocValuesFacetCounts(facetState, hits, segments);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while counting facets");
        }
    }
}
