package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedRecommendation;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportMetadata;
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
import org.tipsearch.search.lucene.QueryMeaning;
import org.tipsearch.search.lucene.QueryReader;
import org.tipsearch.search.lucene.TextMarks;

/**
 * A page of units, or of register entries, searched in a cluster's collection as the embedded engine searches
 * them: the query read and lifted as it reads and lifts it ({@link LiftedQuery}); by words, ranked by score and
 * then in reading order; by meaning, the query's nearest neighbours ({@code {!knn}}) above the same floor, ranked
 * by closeness and lifted alike; by both, the two rankings fused as {@link QueryMeaning} fuses them, the result set
 * their union. Each facet is counted with its own filter left out ({@link SolrFacets}), the page's texts are marked
 * as the embedded highlighter marks them ({@link TextMarks}) and a hit found by meaning alone shows its sentence
 * closest to the query. Thread-safe.
 */
public final class SolrPageSearch {

    private final SolrRecords records;
    private final QueryMeaning meaning;
    private final QueryIntents intents = new QueryIntents();
    private final QueryReader queryReader = QueryReader.standard();
    private final TextMarks marks = new TextMarks();

    /** @param collection the collection or alias searched */
    public SolrPageSearch(SolrNodes nodes, String collection, QueryMeaning meaning) {
        this.records = new SolrRecords(Objects.requireNonNull(nodes, "nodes"),
                Objects.requireNonNull(collection, "collection"));
        this.meaning = Objects.requireNonNull(meaning, "meaning");
    }

    /** Which hits of the ranking to read: a page, marked, or the whole ranking for an export. */
    private record Slice(int from, int count, boolean page) {
        static final Slice EXPORT = new Slice(0, SearchRequest.MAX_WINDOW, false);

        static Slice pageOf(SearchRequest request) {
            return new Slice((request.page() - 1) * request.size(), request.size(), true);
        }

        int end() {
            return from + count;
        }
    }

    /** A page of units with its facets; a hit found by meaning alone shows its sentence closest to the query. */
    public SearchResults<Hit> units(SearchRequest request) throws IOException {
        SearchResults<Hit> page = search(require(request, Scope.UNITS), Slice.pageOf(request), SolrPageSearch::unitHit);
        if (request.mode() == SearchMode.BM25 || request.query().isEmpty()) {
            return page;
        }
        return new SearchResults<>(request, page.total(), page.tookMs(), page.notice(), page.partial(),
                meaning.withClosestSentences(page.hits(), request.query()), page.facets(), page.wordMatches());
    }

    /** A page of the recommendations register with its facets. */
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        return search(require(request, Scope.RECOMMENDATIONS), Slice.pageOf(request), SolrPageSearch::entryHit);
    }

    /** Every unit of a search, up to {@link SearchRequest#MAX_WINDOW}, in its pages' order, not marked. */
    public SearchResults<Hit> allUnits(SearchRequest request) throws IOException {
        return search(require(request, Scope.UNITS), Slice.EXPORT, SolrPageSearch::unitHit);
    }

    /** Every register entry of a search, as {@link #allUnits} reads units. */
    public SearchResults<RecommendationHit> allRecommendations(SearchRequest request) throws IOException {
        return search(require(request, Scope.RECOMMENDATIONS), Slice.EXPORT, SolrPageSearch::entryHit);
    }

    private static SearchRequest require(SearchRequest request, Scope scope) {
        if (request.scope() != scope) {
            throw new IllegalArgumentException("a search of " + request.scope() + " is not a search of " + scope);
        }
        return request;
    }

    /** A hit made of its document, its report, its score (null when unranked), why it matched, and its text marked. */
    private interface HitOf<H> {
        H hit(JsonNode doc, ReportMetadata report, Float score, Match match, TextMarker marked) throws IOException;
    }

    /** A text with the query's matches marked, or escaped. */
    private interface TextMarker {
        String apply(String text) throws IOException;
    }

    private static Hit unitHit(JsonNode doc, ReportMetadata report, Float score, Match match, TextMarker marked)
            throws IOException {
        IndexedUnit unit = Documents.unit(doc.path(Schema.ID).asText(), doc.path(Schema.REPORT).asText(),
                doc.path(Schema.SOURCE).asText());
        return new Hit(unit, report, score, marked.apply(unit.parsed().text()), match, null);
    }

    private static RecommendationHit entryHit(JsonNode doc, ReportMetadata report, Float score, Match match,
            TextMarker marked) throws IOException {
        IndexedRecommendation entry = Documents.recommendation(doc.path(Schema.ID).asText(),
                doc.path(Schema.REPORT).asText(), doc.path(Schema.PARAGRAPH).asText(), doc.path(Schema.SOURCE).asText());
        return new RecommendationHit(entry, report, score, marked.apply(entry.recommendation().text()));
    }

    /** A document of the ranking with its score and whether it holds the query's words. */
    private record Ranked(String id, float score, boolean byWords) {}

    /**
     * The ranking's slice, the result set's total and facets, as one mode finds them; with the slice's documents
     * when the ranking's request read them (null: read them by id).
     */
    private record Found(List<Ranked> slice, long total, JsonNode facets, Long wordMatches, List<JsonNode> docs) {
        Found(List<Ranked> slice, long total, JsonNode facets, Long wordMatches) {
            this(slice, total, facets, wordMatches, null);
        }
    }

    private <H> SearchResults<H> search(SearchRequest request, Slice slice, HitOf<H> hitOf) throws IOException {
        long start = System.nanoTime();
        boolean ranked = !request.query().isEmpty();
        QueryIntent intent = intents.read(request.query());
        QueryReader.ReadQuery read = queryReader.read(intent, request);
        // Field filters alone, or no searchable word, have no meaning to search by.
        SearchMode mode = ranked && read.asksForText() ? request.mode() : SearchMode.BM25;
        float[] vector = mode == SearchMode.BM25 ? null : meaning.of(intent, read);
        if (ranked && intent.kind() != QueryIntent.Kind.SYNTAX) { // as the embedded engine: syntax is not lifted
            intent = intent.withTopics(meaning.topicsOf(intent.typed(), vector));
        }
        var ranking = new SolrRanking(records, request, intent, read);
        Found found = switch (mode) {
            case BM25 -> byWords(ranking, slice, ranked);
            case SEMANTIC -> byMeaning(ranking, slice, ranking.neighbours(vector));
            case HYBRID -> byBoth(ranking, slice, ranking.neighbours(vector));
        };
        List<JsonNode> docs = found.docs() != null ? found.docs() : records.byIds(request.scope().type(),
                found.slice().stream().map(Ranked::id).toList(), SolrRecords.HIT_FIELDS, Map.of());
        Map<String, IndexedReport> reports = records.reportsOf(docs);
        var byId = new HashMap<String, Ranked>();
        found.slice().forEach(r -> byId.put(r.id(), r));
        boolean marked = ranked && slice.page();
        boolean matched = ranked && read.asksForText();
        var hits = new ArrayList<H>();
        for (JsonNode doc : docs) {
            Ranked hit = byId.get(doc.path(Schema.ID).asText());
            hits.add(hitOf.hit(doc, reports.get(doc.path(Schema.REPORT).asText()).metadata(),
                    ranked ? hit.score() : null, matched ? (hit.byWords() ? Match.WORDS : Match.MEANING) : null,
                    text -> marked ? marks.marked(read.marked(), text) : Html.escape(text)));
        }
        return new SearchResults<>(request, found.total(), (System.nanoTime() - start) / 1_000_000, read.notice(),
                false, hits, SolrFacets.counts(request, found.facets(), found.wordMatches() != null),
                found.wordMatches());
    }

    /** By words (or unranked, in reading order): one request ranks, counts and facets. */
    private Found byWords(SolrRanking ranking, Slice slice, boolean ranked) throws IOException {
        JsonNode answer = ranking.byWords(ranked, slice.from(), slice.count(), SolrFacets.of(ranking.request(), null));
        var slicePart = new ArrayList<Ranked>();
        var docs = new ArrayList<JsonNode>();
        answer.path("response").path("docs").forEach(doc -> {
            slicePart.add(new Ranked(doc.path(Schema.ID).asText(), (float) doc.path("score").asDouble(), true));
            docs.add(doc);
        });
        return new Found(slicePart, answer.path("response").path("numFound").asLong(), answer.path("facets"), null,
                docs);
    }

    /** By meaning: the neighbours under the filters, counted, ranked by closeness times their lifts. */
    private Found byMeaning(SolrRanking ranking, Slice slice, Map<String, Float> neighbours) throws IOException {
        JsonNode answer = ranking.neighboursRanked(neighbours, SolrFacets.of(ranking.request(), null));
        List<Ranked> ranked = meaningRanking(answer, neighbours);
        return new Found(slice(ranked, slice), answer.path("response").path("numFound").asLong(),
                answer.path("facets"), null);
    }

    /**
     * By words and meaning: the union counted, with the part related in meaning only; the words' ranking (to the
     * fusion's depth) and the neighbours' fused.
     */
    private Found byBoth(SolrRanking ranking, Slice slice, Map<String, Float> neighbours) throws IOException {
        JsonNode counted = ranking.union(neighbours);
        long total = counted.path("response").path("numFound").asLong();
        long meaningOnly = SolrFacets.meaningOnly(counted.path("facets"));
        var byWords = new ArrayList<String>();
        ranking.byWords(true, 0, Math.max(slice.end(), QueryMeaning.FUSION_DEPTH), null).path("response").path("docs")
                .forEach(doc -> byWords.add(doc.path(Schema.ID).asText()));
        JsonNode near = ranking.neighboursRanked(neighbours, null);
        List<String> byMeaning = meaningRanking(near, neighbours).stream().map(Ranked::id).toList();
        var holdsWords = new HashMap<String, Boolean>();
        near.path("response").path("docs").forEach(doc ->
                holdsWords.put(doc.path(Schema.ID).asText(), doc.path(SolrRanking.HOLDS_WORDS).asBoolean()));
        var fused = new ArrayList<Ranked>();
        for (QueryMeaning.Ranked<String> r : QueryMeaning.fused(byWords, byMeaning, ranking.intent().kind())) {
            fused.add(new Ranked(r.item(), r.score(), holdsWords.getOrDefault(r.item(), true)));
        }
        return new Found(slice(fused, slice), total, counted.path("facets"), total - meaningOnly);
    }

    /**
     * The neighbours under the filters ranked as the embedded engine ranks them: by closeness times their lifts,
     * then in reading order.
     */
    private static List<Ranked> meaningRanking(JsonNode answer, Map<String, Float> neighbours) {
        record Near(Ranked ranked, String report, int position) {}
        var near = new ArrayList<Near>();
        answer.path("response").path("docs").forEach(doc -> {
            String id = doc.path(Schema.ID).asText();
            float lift = (float) doc.path(SolrRanking.LIFT).asDouble(1);
            near.add(new Near(new Ranked(id, neighbours.get(id) * lift, doc.path(SolrRanking.HOLDS_WORDS).asBoolean()),
                    doc.path(Schema.REPORT).asText(), doc.path(Schema.POSITION).asInt()));
        });
        near.sort(Comparator.comparing((Near n) -> -n.ranked().score()).thenComparing(Near::report)
                .thenComparingInt(Near::position));
        return near.stream().map(Near::ranked).toList();
    }

    private static List<Ranked> slice(List<Ranked> ranking, Slice slice) {
        return ranking.subList(Math.min(slice.from(), ranking.size()), Math.min(slice.end(), ranking.size()));
    }
}
