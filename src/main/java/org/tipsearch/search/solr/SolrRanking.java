package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tipsearch.index.Schema;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.lucene.QueryIntent;
import org.tipsearch.search.lucene.QueryMeaning;
import org.tipsearch.search.lucene.QueryReader;

/**
 * The requests one search sends to the collection: its words' ranking, its meaning's nearest neighbours, their
 * ranking under the filters, and the union of both counted. Every request but the neighbours' carries the scope's
 * type and the facet filters, each filter tagged by its dimension so that the facets can leave it out.
 */
final class SolrRanking {

    /** A pseudo-field: a document's lift factor (absent when the query has no lifts). */
    static final String LIFT = "lift";
    /** A pseudo-field: whether a document holds the query's words. */
    static final String HOLDS_WORDS = "holdsWords";
    private static final String RELEVANCE = "score desc," + Schema.REPORT + " asc," + Schema.POSITION + " asc";
    private static final String READING_ORDER = Schema.REPORT + " asc," + Schema.POSITION + " asc";

    private final SolrRecords records;
    private final SearchRequest request;
    private final QueryIntent intent;
    private final QueryReader.ReadQuery read;
    private final String words;

    SolrRanking(SolrRecords records, SearchRequest request, QueryIntent intent, QueryReader.ReadQuery read) {
        this.records = records;
        this.request = request;
        this.intent = intent;
        this.read = read;
        this.words = "{!xmlparser}" + XmlQuery.of(read.query());
    }

    SearchRequest request() {
        return request;
    }

    QueryIntent intent() {
        return intent;
    }

    /** A select under the request's type and facet filters. */
    private SolrSelect filtered() {
        var select = new SolrSelect().add("fq", SolrSelect.ofType(request.scope().type()));
        request.filters().forEach((dim, values) -> select.add("fq", SolrSelect.anyOf(dim, values, dim)));
        return select;
    }

    /**
     * The words' ranking (lifted), or every document in reading order when nothing is ranked: a slice of it with
     * what a hit is rebuilt from, the total and the facets; without {@code facets}, a ranking's ids alone.
     */
    JsonNode byWords(boolean ranked, int start, int rows, String facets) throws IOException {
        SolrSelect select = filtered().rows(start, rows);
        if (ranked) {
            select.addAll(LiftedQuery.params(read.query(), intent.lifts())).add("sort", RELEVANCE);
        } else {
            select.add("q", "*:*").add("sort", READING_ORDER);
        }
        if (facets != null) {
            select.add("json.facet", facets).add("fl", SolrRecords.HIT_FIELDS + ",score");
        } else { // a ranking to fuse: its ids alone
            select.add("fl", Schema.ID + ",score");
        }
        return records.select(select);
    }

    /**
     * The units nearest the query's meaning among those of its own field:value filters (the facet filters narrow
     * them later, so that the facets count what each selection shows), those related to it (at or above
     * {@link QueryMeaning#RELATED_SCORE}) with their scores, closest first.
     */
    Map<String, Float> neighbours(float[] vector) throws IOException {
        var select = new SolrSelect().add("q", SolrSelect.nearest(QueryMeaning.NEIGHBOURS, vector))
                .add("fl", Schema.ID + ",score").rows(0, QueryMeaning.NEIGHBOURS);
        if (read.filter() != null) {
            select.add("fq", "{!xmlparser}" + XmlQuery.of(read.filter()));
        }
        var near = new LinkedHashMap<String, Float>();
        for (JsonNode doc : records.select(select).path("response").path("docs")) {
            float score = (float) doc.path("score").asDouble();
            if (score >= QueryMeaning.RELATED_SCORE) {
                near.put(doc.path(Schema.ID).asText(), score);
            }
        }
        return near;
    }

    /**
     * The neighbours under the filters, each with its reading-order place, its lift factor and whether it holds
     * the words; with the total and the facets when {@code facets} is given.
     */
    JsonNode neighboursRanked(Map<String, Float> neighbours, String facets) throws IOException {
        var lifts = new LinkedHashMap<String, String>();
        String factor = intent.lifts().isEmpty() ? null : LiftedQuery.factor(intent.lifts(), lifts);
        SolrSelect select = filtered().add("q", SolrSelect.anyOf(Schema.ID, neighbours.keySet(), null))
                .add("words", words).addAll(lifts)
                .add("fl", String.join(",", Schema.ID, Schema.REPORT, Schema.POSITION,
                        HOLDS_WORDS + ":exists(query($words))") + (factor == null ? "" : "," + LIFT + ":" + factor))
                .rows(0, Math.max(neighbours.size(), 1));
        if (facets != null) {
            select.add("json.facet", facets);
        }
        return records.select(select);
    }

    /**
     * The union of the words' matches and the neighbours under the filters, counted, with its facets and the
     * part related in meaning only counted apart.
     */
    JsonNode union(Map<String, Float> neighbours) throws IOException {
        return records.select(filtered().add("q", "{!bool should=$words should=$near}").add("words", words)
                .add("near", SolrSelect.anyOf(Schema.ID, neighbours.keySet(), null))
                .add("json.facet", SolrFacets.of(request, "{!bool filter=$near must_not=$words}"))
                .rows(0, 0));
    }
}
