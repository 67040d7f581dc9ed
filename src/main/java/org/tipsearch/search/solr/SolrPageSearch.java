package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.QueryTopics;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedRecommendation;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.FacetListing;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Html;
import org.tipsearch.search.Match;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.lucene.QueryIntent;
import org.tipsearch.search.lucene.QueryIntents;
import org.tipsearch.search.lucene.QueryReader;
import org.tipsearch.search.lucene.TextMarks;

/**
 * A page of units, or of register entries, searched by their words in a cluster's collection, as the embedded
 * engine searches them: the query read and lifted as it reads and lifts it ({@link LiftedQuery}), ranked by score
 * and then in reading order, each facet counted with its own filter left out (drill sideways: Solr's filters tagged
 * by dimension, its facets excluding their tag), listed as the embedded engine lists them ({@link FacetListing}),
 * and the page's texts marked as its highlighter marks them ({@link TextMarks}). A hit's report is read from the
 * report's record in the same collection. Searches by meaning and the other parts of an engine are not here yet.
 */
public final class SolrPageSearch {

    /** Between a terms filter's values: "␟", which no value holds (Solr reads a control character as a space). */
    private static final String SEPARATOR = "\u241f";

    private final SolrNodes nodes;
    private final String collection;
    private final QueryIntents intents = new QueryIntents();
    private final QueryReader queryReader = QueryReader.standard();
    /** The topics a query names, which lift their units in a search by words (the closest by meaning needs it). */
    private final QueryTopics topics = new QueryTopics(TextAnalyzer.forRules());
    private final TextMarks marks = new TextMarks();

    /** @param collection the collection or alias searched */
    public SolrPageSearch(SolrNodes nodes, String collection) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    /** A page of units by words, with its facets. */
    public SearchResults<Hit> units(SearchRequest request) throws IOException {
        require(request, Scope.UNITS);
        return page(request, (doc, report, score, marked) -> {
            IndexedUnit unit = Documents.unit(doc.path(Schema.ID).asText(), doc.path(Schema.REPORT).asText(),
                    doc.path(Schema.SOURCE).asText());
            return new Hit(unit, report, score, marked.apply(unit.parsed().text()), score == null ? null : Match.WORDS,
                    null);
        });
    }

    /** A page of the recommendations register by words, with its facets. */
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        require(request, Scope.RECOMMENDATIONS);
        return page(request, (doc, report, score, marked) -> {
            IndexedRecommendation entry = Documents.recommendation(doc.path(Schema.ID).asText(),
                    doc.path(Schema.REPORT).asText(), doc.path(Schema.PARAGRAPH).asText(),
                    doc.path(Schema.SOURCE).asText());
            return new RecommendationHit(entry, report, score, marked.apply(entry.recommendation().text()));
        });
    }

    private static void require(SearchRequest request, Scope scope) {
        if (request.scope() != scope || request.mode() != SearchMode.BM25) {
            throw new IllegalArgumentException("the cluster searches " + scope + " by their words only, so far, not "
                    + request.scope() + " by " + request.mode());
        }
    }

    /** A hit made of its document, its report, its score (null when unranked) and its text marked. */
    private interface HitOf<H> {
        H hit(JsonNode doc, ReportMetadata report, Float score, TextMarker marked) throws IOException;
    }

    /** A text with the query's matches marked, or escaped when nothing is queried. */
    private interface TextMarker {
        String apply(String text) throws IOException;
    }

    private <H> SearchResults<H> page(SearchRequest request, HitOf<H> hitOf) throws IOException {
        long start = System.nanoTime();
        var params = new ArrayList<Map.Entry<String, String>>();
        boolean ranked = !request.query().isEmpty();
        QueryReader.ReadQuery read = null;
        if (ranked) {
            QueryIntent intent = intents.read(request.query());
            if (intent.kind() != QueryIntent.Kind.SYNTAX) { // as the embedded engine: query syntax is not lifted
                intent = intent.withTopics(topics.named(intent.typed()));
            }
            read = queryReader.read(intent, request);
            LiftedQuery.params(read.query(), intent.lifts())
                    .forEach((name, value) -> params.add(Map.entry(name, value)));
            params.add(Map.entry("sort", "score desc," + Schema.REPORT + " asc," + Schema.POSITION + " asc"));
        } else {
            params.add(Map.entry("q", "*:*"));
            params.add(Map.entry("sort", Schema.REPORT + " asc," + Schema.POSITION + " asc"));
        }
        params.add(Map.entry("fq", "{!term f=" + Schema.TYPE + "}" + request.scope().type()));
        request.filters().values().stream().flatMap(List::stream).filter(v -> v.contains(SEPARATOR)).findFirst()
                .ifPresent(v -> {
                    throw new IllegalArgumentException("a filter value holds '" + SEPARATOR + "': " + v);
                });
        request.filters().forEach((dim, values) -> params.add(Map.entry("fq", "{!terms f=" + dim + " tag=" + dim
                + " separator=" + SEPARATOR + "}" + String.join(SEPARATOR, values))));
        params.add(Map.entry("json.facet", facets(request)));
        params.add(Map.entry("start", String.valueOf((request.page() - 1) * request.size())));
        params.add(Map.entry("rows", String.valueOf(request.size())));
        params.add(Map.entry("fl", String.join(",", Schema.ID, Schema.REPORT, Schema.PARAGRAPH, Schema.SOURCE,
                "score")));
        params.add(Map.entry("wt", "json"));
        JsonNode answer = nodes.query(collection + "/select", params);

        JsonNode docs = answer.path("response").path("docs");
        Map<String, ReportMetadata> reports = reportsOf(docs);
        var hits = new ArrayList<H>();
        var query = read == null ? null : read.marked();
        for (JsonNode doc : docs) {
            hits.add(hitOf.hit(doc, reports.get(doc.path(Schema.REPORT).asText()),
                    ranked ? (float) doc.path("score").asDouble() : null,
                    text -> query == null ? Html.escape(text) : marks.marked(query, text)));
        }
        return new SearchResults<>(request, answer.path("response").path("numFound").asLong(),
                (System.nanoTime() - start) / 1_000_000, read == null ? null : read.notice(), false, hits,
                facetCounts(request, answer.path("facets")), null);
    }

    /** Solr's JSON facets: each dimension's every value, its own filter left out. */
    private static String facets(SearchRequest request) {
        var facets = new StringBuilder("{");
        for (String dim : request.scope().facets()) {
            facets.append(facets.length() > 1 ? "," : "").append(dim).append(":{type:terms,field:").append(dim)
                    .append(",limit:-1,mincount:1,domain:{excludeTags:").append(dim).append("}}");
        }
        return facets.append('}').toString();
    }

    private static Map<String, List<FacetCount>> facetCounts(SearchRequest request, JsonNode facets) {
        var out = new LinkedHashMap<String, List<FacetCount>>();
        for (String dim : request.scope().facets()) {
            var counted = new ArrayList<FacetCount>();
            facets.path(dim).path("buckets").forEach(bucket ->
                    counted.add(new FacetCount(bucket.path("val").asText(), bucket.path("count").asInt())));
            out.put(dim, FacetListing.listed(dim, counted, request.filters().getOrDefault(dim, List.of()), false));
        }
        return out;
    }

    /** The metadata of the hits' reports, from their records. */
    private Map<String, ReportMetadata> reportsOf(JsonNode docs) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        docs.forEach(doc -> ids.add(doc.path(Schema.REPORT).asText()));
        var reports = new HashMap<String, ReportMetadata>();
        if (ids.isEmpty()) {
            return reports;
        }
        JsonNode records = nodes.query(collection + "/select", List.of(
                Map.entry("q", "{!terms f=" + Schema.REPORT + " separator=" + SEPARATOR + "}"
                        + String.join(SEPARATOR, ids)),
                Map.entry("fq", "{!term f=" + Schema.TYPE + "}" + Schema.TYPE_REPORT),
                Map.entry("fl", Schema.SOURCE + "," + Schema.FINGERPRINT + "," + Schema.ADDED_AT),
                Map.entry("rows", String.valueOf(ids.size())), Map.entry("wt", "json")));
        for (JsonNode record : records.path("response").path("docs")) {
            ReportMetadata meta = Documents.report(record.path(Schema.SOURCE).asText(),
                    record.path(Schema.FINGERPRINT).asText(), record.path(Schema.ADDED_AT).asText(), null).metadata();
            reports.put(meta.id(), meta);
        }
        if (!reports.keySet().containsAll(ids)) {
            throw new IOException("the collection " + collection + " holds units of reports without a record: "
                    + ids.stream().filter(id -> !reports.containsKey(id)).toList());
        }
        return reports;
    }
}
