package org.tipsearch.search.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.Documents;
import org.tipsearch.index.Schema;

/**
 * The suggestions of one view of the index, kept while the index does not change: built on first use, and built
 * again, the old ones closed, when a view of another version asks. Thread-safe.
 */
final class SuggestionsCache implements Closeable {

    private final List<String> topicLabels = Taxonomy.load().topics().stream().map(Taxonomy.Topic::label).toList();
    private Suggestions suggestions;
    private long suggestionsVersion;

    /** The suggestions of this view of the index, built on first use and again after the index changes. */
    synchronized Suggestions of(ReportSearcher searcher) throws IOException {
        long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
        if (suggestions == null || suggestionsVersion != version) {
            Suggestions built = Suggestions.build(unitTexts(searcher), topicLabels, facetValues(searcher));
            if (suggestions != null) {
                suggestions.close();
            }
            suggestions = built;
            suggestionsVersion = version;
        }
        return suggestions;
    }

    /** Every unit's text, read as it is iterated. */
    private static Iterable<String> unitTexts(ReportSearcher searcher) throws IOException {
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] units = searcher.search(ReportSearcher.UNITS, Math.max(1, searcher.unitTotal())).scoreDocs;
        return () -> Arrays.stream(units).map(sd -> {
            try {
                return Documents.unit(stored.document(sd.doc, Documents.HIT_FIELDS)).parsed().text();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).iterator();
    }

    /** Every value of the organization and country facets. */
    private static Map<String, List<String>> facetValues(ReportSearcher searcher) throws IOException {
        if (searcher.facetState() == null) {
            return Map.of();
        }
        var facets = new SortedSetDocValuesFacetCounts(searcher.facetState());
        var out = new HashMap<String, List<String>>();
        for (String dim : List.of(Schema.ORGANIZATION, Schema.COUNTRY)) {
            if (searcher.facetState().getOrdRange(dim) != null) {
                FacetResult all = facets.getAllChildren(dim);
                out.put(dim, all == null ? List.of() : Arrays.stream(all.labelValues).map(lv -> lv.label).toList());
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        if (suggestions != null) {
            suggestions.close();
        }
    }
}
