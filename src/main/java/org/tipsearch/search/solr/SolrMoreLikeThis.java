package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.PriorityQueue;
import org.tipsearch.index.Schema;

/**
 * Lucene's {@code MoreLikeThis} for a text, with the collection's statistics in place of an index reader's, as the
 * embedded precedent finder runs it: the text's terms as the query analyzer reads them (at most
 * {@value #MAX_TOKENS}), each scored by its frequency in the text times its idf in the whole collection
 * (ClassicSimilarity's, as MoreLikeThis scores), the {@value #MAX_TERMS} best as a query any of which matches. The
 * document frequencies come in one request, a query facet a term (Solr's own MoreLikeThis starts from a stored
 * document, not a draft).
 */
final class SolrMoreLikeThis {

    static final int MAX_TERMS = 25;
    /** MoreLikeThis's default: the tokens of a text it reads. */
    private static final int MAX_TOKENS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SolrRecords records;
    private final Analyzer analyzer = Schema.queryAnalyzer();
    private final ClassicSimilarity similarity = new ClassicSimilarity();

    SolrMoreLikeThis(SolrRecords records) {
        this.records = records;
    }

    /** The query of the text's most distinctive terms; one matching nothing when it has none the collection holds. */
    Query like(String text) throws IOException {
        Map<String, Integer> frequencies = frequencies(text);
        if (frequencies.isEmpty()) {
            return new BooleanQuery.Builder().build();
        }
        var terms = new ArrayList<>(frequencies.keySet());
        ObjectNode facets = JSON.createObjectNode();
        for (int i = 0; i < terms.size(); i++) {
            facets.set("t" + i, JSON.createObjectNode().put("type", "query")
                    .put("q", "{!term f=" + Schema.TEXT + " v=$t" + i + "}"));
        }
        // MoreLikeThis's document count is that of the documents with text: units and register entries
        SolrSelect select = new SolrSelect()
                .add("q", SolrSelect.anyOf(Schema.TYPE, List.of(Schema.TYPE_UNIT, Schema.TYPE_RECOMMENDATION), null))
                .add("json.facet", facets.toString()).rows(0, 0);
        for (int i = 0; i < terms.size(); i++) {
            select.add("t" + i, terms.get(i));
        }
        JsonNode answer = records.select(select);
        long docs = answer.path("response").path("numFound").asLong();
        // Lucene's own queue, fed in the same order: the same terms win a tie at the last place
        var best = new PriorityQueue<Scored>(MAX_TERMS) {
            @Override
            protected boolean lessThan(Scored a, Scored b) {
                return a.score() < b.score();
            }
        };
        for (int i = 0; i < terms.size(); i++) {
            long df = answer.path("facets").path("t" + i).path("count").asLong(0);
            if (df > 0) {
                best.insertWithOverflow(new Scored(terms.get(i), frequencies.get(terms.get(i)) * similarity.idf(df, docs)));
            }
        }
        var query = new BooleanQuery.Builder();
        for (Scored scored = best.pop(); scored != null; scored = best.pop()) {
            query.add(new TermQuery(new Term(Schema.TEXT, scored.term())), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private record Scored(String term, float score) {}

    /** Each term of the text with its frequency, in a hash map filled in the text's order, as MoreLikeThis's. */
    private Map<String, Integer> frequencies(String text) throws IOException {
        var frequencies = new HashMap<String, Integer>();
        try (TokenStream tokens = analyzer.tokenStream(Schema.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            int read = 0;
            while (tokens.incrementToken() && read++ < MAX_TOKENS) {
                frequencies.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        return frequencies;
    }
}
