package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.VectorUtil;
import org.tipsearch.BundledReports;
import org.tipsearch.embed.Embedder;
import org.tipsearch.index.Documents;
import org.tipsearch.index.ReportPipeline;
import org.tipsearch.JarProcess;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportReader;

/**
 * A real SolrCloud cluster (issue 21), started by the test from Solr's Maven artifacts: two nodes, one collection of
 * two shards with a replica of each on each node, holding the bundled reports' units, analysed as tipsearch analyses
 * text. One node killed while clients search through {@link SolrNodes}: no search fails beyond those in flight, none
 * finds a unit fewer, and the node's return is seamless.
 */
class SolrClusterIT {

    private static final String COLLECTION = "units";
    private static final List<String> QUERIES = List.of("*:*", "text:trafficking", "text:victims", "text:recommendations",
            "text:punishment", "report:" + BundledReports.WORKING_GROUP_2023);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The units alone, in a collection the commands wrote (which also holds reports' records and registers). */
    private static final String UNITS = Schema.TYPE + ":" + Schema.TYPE_UNIT;

    @TempDir
    static Path dir;
    private static SolrCluster cluster;
    private static SolrNodes nodes;
    private static int unitCount;
    private static final List<String> texts = new ArrayList<>();
    private static final List<AnnotatedReport> annotated = new ArrayList<>();
    /** Each report's units' embeddings, by report id. */
    private static final Map<String, List<float[]>> vectors = new LinkedHashMap<>();
    private static final ReportPipeline PIPELINE = new ReportPipeline();

    @BeforeAll
    static void startTheClusterAndIndexTheBundledUnits() throws Exception {
        cluster = SolrCluster.start(dir, 2);
        nodes = new SolrNodes(cluster.addresses(), Duration.ofSeconds(30));
        nodes.post("admin/configs?action=UPLOAD&name=units&wt=json", "application/octet-stream", SolrConfigSet.zip());
        nodes.get("admin/collections?action=CREATE&name=" + COLLECTION + "&numShards=2&replicationFactor=2"
                + "&collection.configName=units&wt=json");
        cluster.awaitEveryReplicaActive();

        var docs = new ArrayList<Map<String, Object>>();
        var reader = new ReportReader();
        for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
            Report report = reader.read(file);
            report.units().forEach(unit -> texts.add(unit.text()));
            annotated.add(PIPELINE.annotate(report));
            List<float[]> reportVectors = PIPELINE.vectors(report);
            vectors.put(report.metadata().id(), reportVectors);
            docs.addAll(SolrDocuments.units(annotated.getLast(), reportVectors));
        }
        unitCount = docs.size();
        nodes.post(COLLECTION + "/update?commit=true&wt=json", "application/json", JSON.writeValueAsBytes(docs));
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyUnitIsFoundThroughEitherNode() throws Exception {
        assertEquals(208, unitCount);
        for (var address : cluster.addresses()) {
            var one = new SolrNodes(List.of(address), Duration.ofSeconds(30));
            assertEquals(unitCount, count(one, "*:*"), address.toString());
            assertEquals(count(nodes, "text:trafficking"), count(one, "text:trafficking"), address.toString());
        }
    }

    /**
     * The facet counts of the cluster are the embedded engine's on the bundled reports, drill sideways included (a
     * dimension's counts leave out its own filter): with no filter, one topic, and two topics in one session.
     */
    @Test
    void facetCountsAreTheEmbeddedEnginesOnTheBundledReports(@TempDir Path indexDir) throws Exception {
        BundledReports.index(indexDir);
        try (SearchService search = SearchService.open(indexDir)) {
            var all = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25, "", 1, 10, Map.of()));
            List<String> topics = all.facets().get(Schema.TOPIC).stream().map(FacetCount::value).toList();
            String session = all.facets().get(Schema.SESSION).getFirst().value();
            List<Map<String, List<String>>> filterCases = List.of(Map.of(),
                    Map.of(Schema.TOPIC, List.of(topics.getFirst())),
                    Map.of(Schema.TOPIC, List.of(topics.get(1), topics.get(2)), Schema.SESSION, List.of(session)));
            for (var filters : filterCases) {
                var ours = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25, "", 1, 10, filters));
                JsonNode theirs = solrFacets(filters);
                assertEquals(ours.total(), theirs.path("count").asLong(), "total with " + filters);
                for (String dim : Schema.FACETS) {
                    var counts = new LinkedHashMap<String, Integer>();
                    theirs.path(dim).path("buckets").forEach(b -> counts.put(b.path("val").asText(), b.path("count").asInt()));
                    for (FacetCount value : ours.facets().getOrDefault(dim, List.of())) {
                        assertEquals(value.count(), counts.getOrDefault(value.value(), 0),
                                dim + " " + value.value() + " with " + filters);
                    }
                    assertTrue(ours.facets().getOrDefault(dim, List.of()).size() <= counts.size(), dim);
                }
            }
        }
    }

    /** Every unit's facet counts in Solr's JSON facets, each dimension leaving out its own filter. */
    private static JsonNode solrFacets(Map<String, List<String>> filters) throws IOException {
        var query = new StringBuilder(COLLECTION + "/select?q=*:*&rows=0&wt=json");
        filters.forEach((dim, values) -> query.append("&fq=").append(URLEncoder.encode(
                "{!terms f=" + dim + " tag=" + dim + " separator=|}" + String.join("|", values), StandardCharsets.UTF_8)));
        var facets = new StringBuilder("{");
        for (String dim : Schema.FACETS) {
            facets.append(facets.length() > 1 ? "," : "").append(dim).append(":{type:terms,field:").append(dim)
                    .append(",limit:-1,mincount:1,domain:{excludeTags:").append(dim).append("}}");
        }
        query.append("&json.facet=").append(URLEncoder.encode(facets.append('}').toString(), StandardCharsets.UTF_8));
        return nodes.get(query.toString()).path("facets");
    }

    /**
     * The cluster's text analysis is tipsearch's: every unit of the bundled reports gives the same words, in the same
     * order, stacked at a position as they are stacked in ours ("community-based": communitybase and community, then
     * base), through Solr's field analysis (its factories, the configset's files) as through
     * {@link TextAnalyzer#forIndexing()}, though Solr runs Lucene 9 and tipsearch Lucene 10. Two differences are
     * allowed, and said in the README: a mark that is no word ("⇒") leaves a gap of a position in Solr's and none
     * in ours, and offsets differ where a word carries punctuation, which only highlighting reads.
     */
    @Test
    void theClusterAnalysesTextAsTipsearchDoes() throws Exception {
        var analyzer = TextAnalyzer.forIndexing();
        for (String text : texts) {
            byte[] form = ("analysis.fieldtype=text&wt=json&analysis.fieldvalue="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            JsonNode stages = nodes.post(COLLECTION + "/analysis/field", "application/x-www-form-urlencoded", form)
                    .path("analysis").path("field_types").path("text").path("index");
            var theirs = new ArrayList<Map.Entry<String, Integer>>();
            stages.get(stages.size() - 1).forEach(token ->
                    theirs.add(Map.entry(token.path("text").asText(), token.path("position").asInt())));
            assertEquals(stacked(tokens(analyzer, text)), stacked(theirs), text);
        }
    }

    /** The words position by position, those at one position together: "communitybase community", "base", … */
    private static List<String> stacked(List<Map.Entry<String, Integer>> tokens) {
        var positions = new ArrayList<String>();
        int last = -1;
        for (var token : tokens) {
            if (token.getValue() == last) {
                positions.set(positions.size() - 1, positions.getLast() + " " + token.getKey());
            } else {
                positions.add(token.getKey());
                last = token.getValue();
            }
        }
        return positions;
    }

    private static List<Map.Entry<String, Integer>> tokens(TextAnalyzer analyzer, String text) throws IOException {
        var tokens = new ArrayList<Map.Entry<String, Integer>>();
        try (TokenStream stream = analyzer.tokenStream(Schema.TEXT, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = 0;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(Map.entry(term.toString(), position));
            }
            stream.end();
        }
        return tokens;
    }

    /**
     * The units rebuilt into a new collection behind the alias while two clients count through it: every answer is
     * the old collection's count or the new one's, never part of a collection being written; the alias then names
     * the new collection, and the old one is gone after its drain.
     */
    @Test
    void aRebuildMovesTheAliasAtOnceAndSearchesNeverSeeHalfOfIt() throws Exception {
        var collections = new SolrCollections(nodes, "tipsearch", 2, 2, Duration.ofSeconds(2), Clock.systemUTC());
        var told = new ArrayList<String>();
        SolrCollections.Rebuilt first = collections.rebuild(annotated, SolrClusterIT::vectorsOf,
                (done, total, report, units) -> told.add(done + "/" + total + " " + units));
        assertEquals(208, first.units());
        assertEquals(annotated.size(), told.size(), "a line a report: " + told);
        assertEquals(first.units(), collections.count("tipsearch"));

        List<AnnotatedReport> two = annotated.subList(0, 2);
        long twoUnits = two.stream().mapToLong(r -> r.report().units().size()).sum();
        var seen = new ConcurrentLinkedQueue<Long>();
        var failed = new ConcurrentLinkedQueue<String>();
        var stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        SolrCollections.Rebuilt second;
        try {
            for (int c = 0; c < 2; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        try {
                            seen.add(collections.count("tipsearch"));
                        } catch (IOException | RuntimeException e) {
                            failed.add(e.toString());
                        }
                    }
                    return null;
                });
            }
            second = collections.rebuild(two, report -> List.of(), (done, total, report, units) -> { });
            Thread.sleep(500);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(1, TimeUnit.MINUTES), "the clients' last searches ended");
        }
        assertEquals(List.of(), List.copyOf(failed), "of " + seen.size() + " searches");
        assertEquals(Set.of(first.units(), twoUnits), Set.copyOf(seen), "the counts seen through the alias");
        assertEquals(twoUnits, second.units());
        assertEquals(first.collection(), second.replaced());
        assertEquals(Optional.of(second.collection()), collections.current());
        assertFalse(collections.collections().contains(first.collection()), collections.collections().toString());
    }

    /**
     * The units' embeddings stored in the cluster find a query's nearest units as the embeddings themselves do: the
     * ten closest by cosine, computed here over every unit, in order, with Solr's score for cosine, (1 + cos) / 2.
     * A stored unit is the one indexed (its source read back as the embedded engine reads its own).
     */
    @Test
    void theClustersNearestNeighboursAreTheEmbeddingsOwn() throws Exception {
        var embedder = new Embedder();
        var ids = new ArrayList<String>();
        var all = new ArrayList<float[]>();
        for (AnnotatedReport report : annotated) {
            report.report().units().forEach(unit -> ids.add(report.report().metadata().id() + "/" + unit.unitId()));
            all.addAll(vectorsOf(report));
        }
        for (String query : List.of("non-punishment of victims", "organ removal", "how are children recruited online?")) {
            float[] q = embedder.query(query);
            var byCosine = new ArrayList<Map.Entry<String, Double>>();
            for (int i = 0; i < all.size(); i++) {
                byCosine.add(Map.entry(ids.get(i), (double) VectorUtil.cosine(q, all.get(i))));
            }
            byCosine.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            JsonNode answer = nodes.query(COLLECTION + "/select", Map.of("q", "{!knn f=" + Schema.VECTOR + " topK=10}"
                    + Arrays.toString(q), "fl", Schema.ID + ",score," + Schema.REPORT + "," + Schema.SOURCE,
                    "rows", "10", "wt", "json"));
            JsonNode docs = answer.path("response").path("docs");
            assertEquals(10, docs.size(), answer.toString());
            for (int i = 0; i < 10; i++) {
                JsonNode doc = docs.get(i);
                assertEquals(byCosine.get(i).getKey(), doc.path(Schema.ID).asText(), query + ", hit " + (i + 1));
                assertEquals((1 + byCosine.get(i).getValue()) / 2, doc.path("score").asDouble(), 1e-4, query);
                var unit = Documents.unit(doc.path(Schema.ID).asText(), doc.path(Schema.REPORT).asText(),
                        doc.path(Schema.SOURCE).asText());
                assertEquals(doc.path(Schema.ID).asText(), unit.reportId() + "/" + unit.parsed().unitId());
            }
        }
    }

    private static List<float[]> vectorsOf(AnnotatedReport report) {
        return vectors.get(report.report().metadata().id());
    }

    /** {@code tipsearch index --engine}: the reports folder into a collection of the cluster, behind its alias. */
    @Test
    void theIndexCommandWritesTheReportsIntoTheClusterBehindAnAlias() throws Exception {
        String engine = cluster.addresses().stream().map(Object::toString).collect(Collectors.joining(","));
        JarProcess.Result result = JarProcess.run("index", "--engine", engine, "--alias", "from-cli",
                "--reports", BundledReports.DIR.toString());
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("[5/5] "), result.out());
        assertTrue(result.out().contains("Indexed 5 reports, 208 units"), result.out());
        assertEquals(208, count(nodes, "from-cli", UNITS));

        JarProcess.Result refused = JarProcess.run("index", "--engine", engine, "--alias", "from-cli",
                "--reports", dir.resolve("no-such-folder").toString());
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertEquals(208, count(nodes, "from-cli", UNITS), "a refused rebuild leaves the alias's units");
    }

    /**
     * {@code ingest --engine} and {@code remove --engine}: a report taken out of the cluster's collection and put
     * back; a shortened version of it replaces it, its units beyond the new last one deleted; the original
     * restores it.
     */
    @Test
    void reportsAreRemovedAddedAndReplacedInTheClustersCollection() throws Exception {
        String engine = cluster.addresses().stream().map(Object::toString).collect(Collectors.joining(","));
        var collections = new SolrCollections(nodes, "one-by-one", 2, 2, Duration.ofSeconds(1), Clock.systemUTC());
        collections.rebuild(annotated, SolrClusterIT::vectorsOf, (done, total, report, units) -> { });
        String id = BundledReports.WORKING_GROUP_2023;
        long units = count(nodes, "one-by-one", "+report:" + id + " +" + UNITS);
        assertTrue(units > 10, "units of " + id + ": " + units);

        JarProcess.Result removed = JarProcess.run("remove", id, "--engine", engine, "--alias", "one-by-one");
        assertEquals(0, removed.exitCode(), removed.out() + removed.err());
        assertEquals(208 - units, count(nodes, "one-by-one", UNITS));
        assertEquals(0, count(nodes, "one-by-one", "report:" + id), "its record and register went with its units");
        JarProcess.Result again = JarProcess.run("remove", id, "--engine", engine, "--alias", "one-by-one");
        assertEquals(1, again.exitCode(), again.out() + again.err());
        assertTrue(again.err().contains("no report with id '" + id + "'"), again.err());

        Path original = BundledReports.file(id);
        JarProcess.Result added = JarProcess.run("ingest", original.toString(), "--engine", engine, "--alias", "one-by-one");
        assertEquals(0, added.exitCode(), added.out() + added.err());
        assertTrue(added.out().contains(": added " + id + ", " + units + " units"), added.out());
        assertEquals(208, count(nodes, "one-by-one", UNITS));

        List<String> lines = Files.readAllLines(original);
        Path shorter = Files.createDirectories(dir.resolve("shorter")).resolve(original.getFileName());
        Files.write(shorter, lines.subList(0, lines.size() / 2));
        JarProcess.Result replaced = JarProcess.run("ingest", shorter.toString(), "--engine", engine, "--alias", "one-by-one");
        assertEquals(0, replaced.exitCode(), replaced.out() + replaced.err());
        assertTrue(replaced.out().contains(": replaced " + id), replaced.out());
        long fewer = count(nodes, "one-by-one", "+report:" + id + " +" + UNITS);
        assertTrue(fewer > 0 && fewer < units, "units of the shortened report: " + fewer + " of " + units);
        assertEquals(208 - units + fewer, count(nodes, "one-by-one", UNITS));

        JarProcess.run("ingest", original.toString(), "--engine", engine, "--alias", "one-by-one");
        assertEquals(208, count(nodes, "one-by-one", UNITS));
        assertEquals(units, count(nodes, "one-by-one", "+report:" + id + " +" + UNITS));
    }

    /**
     * Four clients search without pause; one node is killed, then started again. No search fails but one a client
     * had in flight when the node died, and every answer has the count it had before: the other node holds a replica
     * of each shard, and the client asks it when its own node is gone. The node comes back with its replicas
     * recovered, and answers as before.
     */
    @Test
    void aNodeKilledWhileClientsSearchFailsNoSearchBeyondThoseInFlightAndLosesNoUnit() throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String q : QUERIES) {
            expected.put(q, count(nodes, q));
        }
        NodeLoss.Outcome run = NodeLoss.whileSearching(cluster, 1, 4, turn -> {
            String q = QUERIES.get(turn % QUERIES.size());
            long found = count(nodes, q);
            return found == expected.get(q) ? null : q + ": " + found + " units, not " + expected.get(q);
        });
        List<String> wrong = run.wrong();
        List<String> inFlight = run.inFlight();
        assertEquals(List.of(), List.copyOf(wrong), "of " + run.answered() + " searches; node 2 (killed) is "
                + cluster.addresses().get(1));
        assertTrue(inFlight.size() <= 4, "at most one search a client in flight when the node died: " + inFlight);
        var restarted = new SolrNodes(List.of(cluster.addresses().get(1)), Duration.ofSeconds(30));
        for (String q : QUERIES) {
            assertEquals(expected.get(q), count(restarted, q), "the restarted node, " + q);
        }
    }

    private static long count(SolrNodes through, String q) throws IOException {
        return count(through, COLLECTION, q);
    }

    private static long count(SolrNodes through, String collection, String q) throws IOException {
        JsonNode answer = through.get(collection + "/select?rows=0&wt=json&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        return answer.path("response").path("numFound").asLong(-1);
    }
}
