package org.tipsearch.search.solr;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.Schema;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.Suggestion;
import org.tipsearch.search.lucene.Suggestions;

/**
 * The cluster's completions, made as the embedded engine makes them ({@link Suggestions}) from the collection's
 * units and facet values, and kept while the collection's version does not change. Thread-safe.
 */
final class SolrSuggestions implements Closeable {

    private final SolrBrowser browser;
    private final SolrPageSearch pages;
    private final List<String> topicLabels = Taxonomy.load().topics().stream().map(Taxonomy.Topic::label).toList();
    private Suggestions suggestions;
    private long version;

    SolrSuggestions(SolrBrowser browser, SolrPageSearch pages) {
        this.browser = browser;
        this.pages = pages;
    }

    /**
     * Completions of a prefix; the version is asked before the lock, so that a slow node holds up no other
     * completion while it answers.
     */
    List<Suggestion> lookup(String prefix, int size) throws IOException {
        return of(browser.version()).lookup(prefix, size);
    }

    private synchronized Suggestions of(long current) throws IOException {
        if (suggestions == null || version != current) {
            Suggestions built = Suggestions.build(browser.unitTexts(), topicLabels, facetValues());
            if (suggestions != null) {
                suggestions.close();
            }
            suggestions = built;
            version = current;
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
    public synchronized void close() throws IOException {
        if (suggestions != null) {
            suggestions.close();
        }
    }
}
