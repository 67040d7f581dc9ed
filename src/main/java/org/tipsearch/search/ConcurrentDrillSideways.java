package org.tipsearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;

/**
 * Drill sideways whose facet counts come from the view's {@link FacetOrdinals}, a large result set's on every
 * core. Counting the facet values of half a million matches from doc values was most of a broad query's time at
 * a million units.
 */
final class ConcurrentDrillSideways extends DrillSideways {

    private final ReportSearcher searcher;

    /**
     * @param filtered whether the searches have facet filters, which Lucene's drill-sideways scorer runs on
     *                 segments whole (see {@link ReportSearcher#wholeSegments}); without, they are plain searches
     *                 that may split a large segment among cores
     */
    ConcurrentDrillSideways(ReportSearcher searcher, FacetsConfig config, boolean filtered) {
        this(filtered ? searcher.wholeSegments() : searcher, config);
    }

    private ConcurrentDrillSideways(ReportSearcher searcher, FacetsConfig config) {
        super(searcher, config, searcher.facetState());
        this.searcher = searcher;
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
        return searcher.facetOrdinals().count(hits, searcher.getTaskExecutor());
    }
}
