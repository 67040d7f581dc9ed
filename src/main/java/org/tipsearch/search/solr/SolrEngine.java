package org.tipsearch.search.solr;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.Schema;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.Hit;
import org.tipsearch.search.IndexHealth;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.ReportContents;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchEngine;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.SimilarRequest;
import org.tipsearch.search.Suggestion;
import org.tipsearch.search.UnitInContext;
import org.tipsearch.search.lucene.QueryMeaning;
import org.tipsearch.search.lucene.Suggestions;

/**
 * The cluster as tipsearch's engine: a SolrCloud collection (or the alias naming it) holding each report whole,
 * searched as the embedded engine searches ({@link SolrPageSearch}), its precedents found as it finds them
 * ({@link SolrSimilar}), its units and reports read by id ({@link SolrBrowser}). A search runs to its end: Solr's
 * own time limit cuts a search short shard by shard, which would make pages that differ from node to node.
 * Thread-safe.
 */
public final class SolrEngine implements SearchEngine {

    private final QueryMeaning meaning = new QueryMeaning();
    private final SolrPageSearch pages;
    private final SolrSimilar similar;
    private final SolrBrowser browser;
    private final List<String> topicLabels = Taxonomy.load().topics().stream().map(Taxonomy.Topic::label).toList();
    /** The suggestions of the collection's version they were built from; rebuilt when it changes. */
    private Suggestions suggestions;
    private long suggestionsVersion;

    /**
     * @param collection the collection or alias searched
     * @param server     whether the model loads in the background at once (a server), rather than on first use
     */
    public SolrEngine(SolrNodes nodes, String collection, boolean server) {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(collection, "collection");
        var records = new SolrRecords(nodes, collection);
        this.pages = new SolrPageSearch(nodes, collection, meaning);
        this.similar = new SolrSimilar(records, meaning);
        this.browser = new SolrBrowser(records);
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

    /**
     * Completions as the embedded engine makes them, built from the collection once per version of it; the
     * version is asked before the lock, so that a slow node holds up no other completion while it answers.
     */
    @Override
    public List<Suggestion> suggest(String prefix, int size) throws IOException {
        long version = version();
        return suggestions(version).lookup(prefix, size);
    }

    private synchronized Suggestions suggestions(long version) throws IOException {
        if (suggestions == null || suggestionsVersion != version) {
            Suggestions built = Suggestions.build(browser.unitTexts(), topicLabels, facetValues());
            if (suggestions != null) {
                suggestions.close();
            }
            suggestions = built;
            suggestionsVersion = version;
        }
        return suggestions;
    }

    /** Every value of the organization and country facets. */
    private Map<String, List<String>> facetValues() throws IOException {
        var all = pages.units(new SearchRequest(Scope.UNITS, SearchMode.BM25, "", 1, 1, Map.of())).facets();
        return Map.of(Schema.ORGANIZATION, values(all, Schema.ORGANIZATION), Schema.COUNTRY, values(all, Schema.COUNTRY));
    }

    private static List<String> values(Map<String, List<FacetCount>> facets, String dim) {
        return facets.getOrDefault(dim, List.of()).stream().map(FacetCount::value).toList();
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

    @Override
    public synchronized void close() throws IOException {
        if (suggestions != null) {
            suggestions.close();
        }
    }
}
