package org.tipsearch.search.solr;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tipsearch.search.Hit;
import org.tipsearch.search.IndexHealth;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.ReportContents;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.SearchEngine;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.SimilarRequest;
import org.tipsearch.search.Suggestion;
import org.tipsearch.search.UnitInContext;
import org.tipsearch.search.lucene.QueryMeaning;

/**
 * The cluster as tipsearch's engine: a SolrCloud collection (or the alias naming it) holding each report whole,
 * searched as the embedded engine searches ({@link SolrPageSearch}), its precedents found as it finds them
 * ({@link SolrSimilar}), its units and reports read by id ({@link SolrBrowser}), through nodes it owns. A search runs to its end: Solr's
 * own time limit cuts a search short shard by shard, which would make pages that differ from node to node.
 * Thread-safe.
 */
public final class SolrEngine implements SearchEngine {

    private final QueryMeaning meaning = new QueryMeaning();
    private final SolrPageSearch pages;
    private final SolrSimilar similar;
    private final SolrBrowser browser;
    private final SolrSuggestions suggestions;
    private final SolrNodes nodes;

    /**
     * @param collection the collection or alias searched
     * @param server     whether the model loads in the background at once (a server), rather than on first use
     */
    public SolrEngine(SolrNodes nodes, String collection, boolean server) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(collection, "collection");
        var records = new SolrRecords(nodes, collection);
        this.pages = new SolrPageSearch(nodes, collection, meaning);
        this.similar = new SolrSimilar(records, meaning);
        this.browser = new SolrBrowser(records);
        this.suggestions = new SolrSuggestions(browser, pages);
        if (server) {
            meaning.loadInBackground();
        }
    }

    @Override
    public SearchResults<Hit> units(SearchRequest request) throws IOException {
        return pages.units(request);
    }

    @Override
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        return pages.recommendations(request);
    }

    @Override
    public SearchResults<Hit> allUnits(SearchRequest request) throws IOException {
        return pages.allUnits(request);
    }

    @Override
    public SearchResults<RecommendationHit> allRecommendations(SearchRequest request) throws IOException {
        return pages.allRecommendations(request);
    }

    @Override
    public Optional<List<Hit>> similar(SimilarRequest request) throws IOException {
        return similar.find(request);
    }

    @Override
    public Optional<UnitInContext> unit(String id) throws IOException {
        return browser.unit(id);
    }

    @Override
    public List<ReportSummary> reports() throws IOException {
        return browser.reports();
    }

    @Override
    public Optional<ReportContents> report(String reportId) throws IOException {
        return browser.report(reportId);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int size) throws IOException {
        return suggestions.lookup(prefix, size);
    }

    @Override
    public IndexHealth health() throws IOException {
        return browser.health();
    }

    @Override
    public long version() throws IOException {
        return browser.version();
    }

    /** Nothing to reopen: Solr shows what was committed within a second ({@code autoSoftCommit}). */
    @Override
    public void refresh() {}

    @Override
    public void awaitModel() throws InterruptedException {
        meaning.awaitLoading();
    }

    @Override
    public void clearEmbeddingCaches() {
        meaning.clear();
    }

    /** Closes the completions and the connections to the nodes, which the engine owns. */
    @Override
    public void close() throws IOException {
        try (nodes) {
            suggestions.close();
        }
    }
}
