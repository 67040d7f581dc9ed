package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tipsearch.BundledReports;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.QueryTopics;
import org.tipsearch.eval.JudgedQueries;
import org.tipsearch.eval.RelevanceEvaluation;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedRecommendation;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.ReportPipeline;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.Hit;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.SearchService;
import org.tipsearch.search.lucene.QueryIntent;
import org.tipsearch.search.lucene.QueryIntents;
import org.tipsearch.search.lucene.QueryMeaning;
import org.tipsearch.search.lucene.QueryReader;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * tipsearch's queries, as its query reader reads them, searched in a SolrCloud cluster through {@link XmlQuery}
 * (issue 21): every judged query of the evaluation sets (the dev themes and the user queries' two halves), read and
 * lifted as a search by words reads and lifts it ({@link LiftedQuery}), finds the
 * same units in the cluster as in the embedded index, and ranks them alike, on the bundled reports: the same top 10
 * but for a few units, and the evaluation's figures within 0.02.
 */
class SolrQueryParityIT {

    private static final List<String> JUDGED_SETS = List.of("dev-queries.json", "user-queries-tune.json",
            "user-queries-check.json");
    private static final int TOP = 10;
    /** Every bundled unit as the evaluation reads a hit (its report's file and its text), by report#position. */
    private static final Map<String, RelevanceEvaluation.RankedText> UNITS = new HashMap<>();

    @TempDir
    static Path dir;
    private static SolrCluster cluster;
    private static SolrNodes nodes;
    private static DirectoryReader embedded;
    private static final QueryMeaning MEANING = new QueryMeaning();

    @BeforeAll
    static void indexTheBundledReportsBothWays() throws Exception {
        cluster = SolrCluster.start(dir, 2);
        nodes = new SolrNodes(cluster.addresses(), Duration.ofSeconds(30));
        var pipeline = new ReportPipeline();
        var reader = new ReportReader();
        var reports = new ArrayList<AnnotatedReport>();
        for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
            reports.add(pipeline.annotate(reader.read(file)));
            var meta = reports.getLast().report().metadata();
            reports.getLast().report().units().forEach(unit -> UNITS.put(meta.id() + "#" + unit.position(),
                    new RelevanceEvaluation.RankedText(meta.source(), unit.text())));
        }
        new SolrCollections(nodes, "units", 2, 2, Duration.ZERO, Clock.systemUTC())
                .rebuild(reports, report -> pipeline.vectors(report.report()), (done, total, annotated, units) -> {});
        Path indexDir = dir.resolve("embedded");
        BundledReports.index(indexDir);
        embedded = DirectoryReader.open(FSDirectory.open(indexDir));
    }

    @AfterAll
    static void stop() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyJudgedQueryFindsTheSameUnitsInTheClusterAndRanksThemAlike() throws Exception {
        var searcher = new IndexSearcher(embedded);
        var queryReader = QueryReader.standard();
        var intents = new QueryIntents();
        var topics = new QueryTopics(TextAnalyzer.forRules()); // the topics a query names, found as by words
        int lifts = 0;
        var report = new StringBuilder();
        int queries = 0;
        var ourScores = new ArrayList<RelevanceEvaluation.QueryScores>();
        var theirScores = new ArrayList<RelevanceEvaluation.QueryScores>();
        double overlap = 0;
        double least = 1;
        for (String set : JUDGED_SETS) {
            for (var judged : JudgedQueries.read(Path.of("src/test/resources/eval", set)).queries()) {
                // as a search reads it: the query's framing words dropped ("how", "recommendations"), then its words
                // and lifted by the topics it names and, asking for recommendations, by the register's units
                QueryIntent intent = intents.read(judged.query());
                intent = intent.withTopics(topics.named(intent.typed()));
                Query words = queryReader.read(intent, new SearchRequest(Scope.UNITS, SearchMode.BM25, judged.query(),
                        1, RelevanceEvaluation.Measure.DEPTH, Map.of())).query();
                Query units = new BooleanQuery.Builder()
                        .add(words, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_UNIT)), BooleanClause.Occur.FILTER)
                        .build();
                Query lifted = units;
                for (QueryIntent.Lift lift : intent.lifts()) { // Lucene's own lift, which the engine's equals
                    lifted = FunctionScoreQuery.boostByQuery(lifted, lift.lifted(), lift.factor());
                }
                lifts += intent.lifts().size();
                var ours = searcher.search(lifted, RelevanceEvaluation.Measure.DEPTH);
                var params = new HashMap<>(LiftedQuery.params(words, intent.lifts()));
                params.putAll(Map.of("fq", "{!term f=" + Schema.TYPE + "}" + Schema.TYPE_UNIT,
                        "fl", Schema.REPORT + "," + Schema.POSITION,
                        "rows", String.valueOf(RelevanceEvaluation.Measure.DEPTH), "wt", "json"));
                JsonNode theirs = nodes.query("units/select", params).path("response");
                assertEquals(searcher.count(units), theirs.path("numFound").asLong(), judged.query());
                List<String> ourRanking = new ArrayList<>();
                for (ScoreDoc hit : ours.scoreDocs) {
                    ourRanking.add(unitOf(hit.doc));
                }
                List<String> theirRanking = new ArrayList<>();
                theirs.path("docs").forEach(doc -> theirRanking.add(doc.path(Schema.REPORT).asText() + "#"
                        + doc.path(Schema.POSITION).asInt()));
                ourScores.add(RelevanceEvaluation.score(judged, ourRanking.stream().map(UNITS::get).toList()));
                theirScores.add(RelevanceEvaluation.score(judged, theirRanking.stream().map(UNITS::get).toList()));
                Set<String> ourTop = new LinkedHashSet<>(ourRanking.subList(0, Math.min(TOP, ourRanking.size())));
                Set<String> theirTop = new LinkedHashSet<>(theirRanking.subList(0, Math.min(TOP, theirRanking.size())));
                var shared = new LinkedHashSet<>(ourTop);
                shared.retainAll(theirTop);
                double agreement = ourTop.isEmpty() ? 1 : (double) shared.size() / ourTop.size();
                overlap += agreement;
                least = Math.min(least, agreement);
                queries++;
                report.append(String.format("%.1f %s%n", agreement, judged.query()));
            }
        }
        System.out.printf("top-%d agreement over %d judged queries: %.3f%n%s", TOP, queries, overlap / queries, report);
        assertTrue(queries >= 58, "judged queries: " + queries);
        assertTrue(lifts >= 20, "lifted rankings: " + lifts);
        // Spans and stacked terms score a little differently (see XmlQuery), so the top 10 may differ by a unit.
        assertTrue(overlap / queries >= 0.95, "top-" + TOP + " agreement " + overlap / queries + "\n" + report);
        assertTrue(least >= 0.8, "least top-" + TOP + " agreement " + least + "\n" + report);
        // The evaluation's figures by words, lifted as a search by words lifts them, within 0.02 of the embedded
        // index's.
        var ourMean = RelevanceEvaluation.mean(ourScores);
        var theirMean = RelevanceEvaluation.mean(theirScores);
        System.out.printf("words and lifts, embedded / cluster: nDCG@10 %.4f / %.4f, recall@20 %.4f / %.4f%n",
                ourMean.ndcg10(), theirMean.ndcg10(), ourMean.recall20(), theirMean.recall20());
        assertEquals(ourMean.ndcg10(), theirMean.ndcg10(), 0.02, "nDCG@10");
        assertEquals(ourMean.recall20(), theirMean.recall20(), 0.02, "recall@20");
    }

    /**
     * The cluster holds what the embedded index holds of each report: as many records, units and register entries,
     * each report's record read back as the embedded one (its metadata, fingerprint and text account), each entry
     * of the register as the embedded one.
     */
    @Test
    void theClusterHoldsEachReportsRecordAndRegisterAsTheEmbeddedIndexDoes() throws Exception {
        var searcher = new IndexSearcher(embedded);
        for (String type : List.of(Schema.TYPE_REPORT, Schema.TYPE_UNIT, Schema.TYPE_RECOMMENDATION)) {
            long ours = searcher.count(ofType(type));
            assertTrue(ours > 0, type);
            assertEquals(ours, stored(type, "*:*", 0).path("numFound").asLong(), type);
        }
        var fields = embedded.storedFields();
        for (ScoreDoc record : searcher.search(ofType(Schema.TYPE_REPORT), 100).scoreDocs) {
            IndexedReport ours = Documents.report(fields.document(record.doc));
            JsonNode doc = stored(Schema.TYPE_REPORT, "{!term f=" + Schema.ID + "}" + ours.id(), 1).path("docs").get(0);
            IndexedReport theirs = Documents.report(doc.path(Schema.SOURCE).asText(),
                    doc.path(Schema.FINGERPRINT).asText(), doc.path(Schema.ADDED_AT).asText(),
                    doc.has(Schema.ACCOUNT) ? doc.path(Schema.ACCOUNT).asText() : null);
            assertEquals(ours.metadata(), theirs.metadata(), ours.id());
            assertEquals(ours.fingerprint(), theirs.fingerprint(), ours.id());
            assertEquals(ours.account(), theirs.account(), ours.id());
        }
        for (ScoreDoc entry : searcher.search(ofType(Schema.TYPE_RECOMMENDATION), 1000).scoreDocs) {
            IndexedRecommendation ours = Documents.recommendation(fields.document(entry.doc));
            JsonNode doc = stored(Schema.TYPE_RECOMMENDATION, "{!term f=" + Schema.ID + "}" + ours.id(), 1)
                    .path("docs").get(0);
            assertEquals(ours, Documents.recommendation(doc.path(Schema.ID).asText(), doc.path(Schema.REPORT).asText(),
                    doc.path(Schema.PARAGRAPH).asText(), doc.path(Schema.SOURCE).asText()), ours.id());
        }
    }

    /**
     * A page of units from the cluster ({@link SolrPageSearch}), by words, by meaning or by both, is the embedded
     * engine's: the same total, the same facet counts in the same order (drill sideways included, and in a search by
     * both the units holding the words), nearly the same hits, each with its report, why it matched, and its text
     * marked as the embedded engine marks it; with no query, the same units in reading order. The judged queries'
     * first pages score within 0.02 of the embedded engine's.
     */
    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void aPageOfUnitsIsTheEmbeddedEnginesWithItsFacetsAndMarks(SearchMode mode) throws Exception {
        var cluster = new SolrPageSearch(nodes, "units", MEANING);
        try (SearchService search = SearchService.open(dir.resolve("embedded"))) {
            var all = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25, "", 1, 10, Map.of()));
            String topic = all.facets().get(Schema.TOPIC).getFirst().value();
            String speaker = all.facets().get(Schema.SPEAKER_TYPE).getFirst().value();
            var requests = new ArrayList<SearchRequest>();
            var judgedQueries = new HashMap<SearchRequest, JudgedQueries.JudgedQuery>();
            for (String set : JUDGED_SETS) {
                for (var judged : JudgedQueries.read(Path.of("src/test/resources/eval", set)).queries()) {
                    var request = new SearchRequest(Scope.UNITS, mode, judged.query(), 1,
                            RelevanceEvaluation.Measure.DEPTH, Map.of());
                    requests.add(request);
                    judgedQueries.put(request, judged);
                }
            }
            requests.add(new SearchRequest(Scope.UNITS, mode, "victims", 1, 10,
                    Map.of(Schema.TOPIC, List.of(topic))));
            requests.add(new SearchRequest(Scope.UNITS, mode, "trafficking", 2, 10,
                    Map.of(Schema.TOPIC, List.of(topic), Schema.SPEAKER_TYPE, List.of(speaker, "no such speaker"))));
            requests.add(new SearchRequest(Scope.UNITS, mode, "", 1, 20,
                    Map.of(Schema.TOPIC, List.of(topic))));
            requests.add(new SearchRequest(Scope.UNITS, mode, "recipe for chocolate cake", 1, 10, Map.of()));
            // query syntax: a phrase, field:value words (a facet's keyword, a session's number, a section's words,
            // a value with capitals), and a query of stop words alone
            String country = all.facets().get(Schema.COUNTRY).getFirst().value();
            String session = all.facets().get(Schema.SESSION).getLast().value().replaceAll("\\D.*", "");
            for (String syntax : List.of("\"forced labour\"", "topic:" + topic + " victims", "session:" + session,
                    "country:\"" + country + "\"", "kind:recommendation trafficking", "section:introduction", "the")) {
                requests.add(new SearchRequest(Scope.UNITS, mode, syntax, 1, 10, Map.of()));
            }
            var ourScores = new ArrayList<RelevanceEvaluation.QueryScores>();
            var theirScores = new ArrayList<RelevanceEvaluation.QueryScores>();
            double agreement = 0;
            int shared = 0;
            int markedAlike = 0;
            for (SearchRequest request : requests) {
                SearchResults<Hit> ours = search.search(request);
                SearchResults<Hit> theirs = cluster.units(request);
                String what = request.query() + " " + request.filters() + " page " + request.page();
                assertEquals(ours.total(), theirs.total(), what);
                assertEquals(ours.facets(), theirs.facets(), what);
                assertEquals(ours.wordMatches(), theirs.wordMatches(), what);
                var judged = judgedQueries.get(request);
                if (judged != null) {
                    ourScores.add(RelevanceEvaluation.score(judged, ranked(ours)));
                    theirScores.add(RelevanceEvaluation.score(judged, ranked(theirs)));
                }
                Map<String, Hit> ourHits = new LinkedHashMap<>();
                ours.hits().forEach(hit -> ourHits.put(hit.unit().id(), hit));
                List<String> theirIds = theirs.hits().stream().map(hit -> hit.unit().id()).toList();
                if (request.query().isEmpty()) {
                    assertEquals(List.copyOf(ourHits.keySet()), theirIds, what);
                }
                for (Hit hit : theirs.hits()) {
                    Hit our = ourHits.get(hit.unit().id());
                    if (our != null) {
                        shared++;
                        assertEquals(our.unit(), hit.unit(), what);
                        assertEquals(our.document(), hit.document(), what);
                        assertEquals(our.match(), hit.match(), what + " " + hit.unit().id());
                        markedAlike += our.highlight().equals(hit.highlight()) ? 1 : 0;
                    }
                }
                agreement += ourHits.isEmpty() ? 1 : (double) theirIds.stream().filter(ourHits::containsKey).count()
                        / ourHits.size();
            }
            var ourMean = RelevanceEvaluation.mean(ourScores);
            var theirMean = RelevanceEvaluation.mean(theirScores);
            System.out.printf("pages of units by %s: %d requests, hits shared %.3f, marked alike %d of %d; nDCG@10 "
                    + "%.4f / %.4f, recall@20 %.4f / %.4f (embedded / cluster)%n", mode, requests.size(),
                    agreement / requests.size(), markedAlike, shared, ourMean.ndcg10(), theirMean.ndcg10(),
                    ourMean.recall20(), theirMean.recall20());
            assertEquals(ourMean.ndcg10(), theirMean.ndcg10(), 0.02, "nDCG@10");
            assertEquals(ourMean.recall20(), theirMean.recall20(), 0.02, "recall@20");
            assertTrue(agreement / requests.size() >= 0.95, "hits shared " + agreement / requests.size());
            assertEquals(shared, markedAlike, "hits marked alike, of those both pages show");
        }
    }

    /**
     * A page of the register by words from the cluster is the embedded engine's: the same total and facets, the
     * same entries in the same order, each with its report and the same marks; with no query, in reading order.
     */
    @Test
    void aPageOfTheRegisterByWordsIsTheEmbeddedEngines() throws Exception {
        var cluster = new SolrPageSearch(nodes, "units", MEANING);
        try (SearchService search = SearchService.open(dir.resolve("embedded"))) {
            var all = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25, "", 1, 10, Map.of()));
            String topic = all.facets().get(Schema.TOPIC).getFirst().value();
            int entries = 0;
            for (var request : List.of(
                    new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "", 1, 100, Map.of()),
                    new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "victims", 1, 10, Map.of()),
                    new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "States should", 2, 5,
                            Map.of(Schema.TOPIC, List.of(topic))),
                    new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "recommendations on organ removal", 1,
                            10, Map.of()))) {
                SearchResults<RecommendationHit> ours = search.recommendations(request);
                SearchResults<RecommendationHit> theirs = cluster.recommendations(request);
                String what = request.query() + " " + request.filters();
                assertEquals(ours.total(), theirs.total(), what);
                assertEquals(ours.facets(), theirs.facets(), what);
                assertEquals(ours.hits().stream().map(h -> h.entry().id()).toList(),
                        theirs.hits().stream().map(h -> h.entry().id()).toList(), what);
                for (int i = 0; i < ours.hits().size(); i++) {
                    assertEquals(ours.hits().get(i).entry(), theirs.hits().get(i).entry(), what);
                    assertEquals(ours.hits().get(i).document(), theirs.hits().get(i).document(), what);
                    assertEquals(ours.hits().get(i).highlight(), theirs.hits().get(i).highlight(), what);
                }
                entries += theirs.hits().size();
            }
            assertTrue(entries > 20, "entries compared: " + entries);
        }
    }

    /** A page's hits as the evaluation reads them. */
    private static List<RelevanceEvaluation.RankedText> ranked(SearchResults<Hit> page) {
        return page.hits().stream().map(hit -> new RelevanceEvaluation.RankedText(hit.document().source(),
                hit.unit().parsed().text())).toList();
    }

    private static Query ofType(String type) {
        return new TermQuery(new Term(Schema.TYPE, type));
    }

    /** The cluster's documents of a type matching a query, with every stored field. */
    private static JsonNode stored(String type, String q, int rows) throws Exception {
        return nodes.query("units/select", Map.of("q", q, "fq", "{!term f=" + Schema.TYPE + "}" + type,
                "fl", "*", "rows", String.valueOf(rows), "wt", "json")).path("response");
    }

    /** A unit of the embedded index as report#position. */
    private static String unitOf(int doc) throws Exception {
        var leaf = embedded.leaves().get(ReaderUtil.subIndex(doc, embedded.leaves()));
        LeafReader reader = leaf.reader();
        int local = doc - leaf.docBase;
        SortedDocValues report = DocValues.getSorted(reader, Schema.REPORT);
        SortedNumericDocValues position = DocValues.getSortedNumeric(reader, Schema.POSITION);
        report.advanceExact(local);
        position.advanceExact(local);
        return report.lookupOrd(report.ordValue()).utf8ToString() + "#" + position.nextValue();
    }
}
