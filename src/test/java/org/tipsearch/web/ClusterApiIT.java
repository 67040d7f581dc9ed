package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;
import org.tipsearch.search.solr.NodeLoss;
import org.tipsearch.search.solr.SolrCluster;

/**
 * The API's contract on the cluster (issue 21): every test of {@link ApiIT}, over real HTTP against the built jar
 * serving the bundled reports from a SolrCloud cluster of two nodes (a collection of two shards, each on both),
 * written there by {@code tipsearch index --engine}; and one node killed while clients search through the API.
 */
class ClusterApiIT extends ApiIT {

    @TempDir
    static Path clusterDir;
    private static SolrCluster cluster;
    private static JarProcess.Result indexed;

    @BeforeAll
    static void start() throws Exception {
        cluster = SolrCluster.start(clusterDir, 2);
        String engine = engine();
        indexed = JarProcess.run("index", "--engine", engine, "--reports", BundledReports.DIR.toString());
        assertEquals(0, indexed.exitCode(), indexed.out() + indexed.err());
        if (server != null) {
            server.close(); // the one ApiIT's own start left serving the embedded index: this class asks the cluster
        }
        server = new JarProcess.Server("--engine", engine);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /**
     * Four clients search through the API without pause, each request a page not asked before (no cached answer);
     * one node of the cluster is killed, then started again. No search fails but one a client had in flight when
     * the node died, every answer has the total it had before, and the node comes back with its replicas active.
     */
    @Test
    void aNodeKilledWhileClientsSearchThroughTheApiFailsNoSearchBeyondThoseInFlight() throws Exception {
        List<String> queries = List.of("non-punishment", "organ removal", "how do traffickers use the internet",
                "recommendations on victim assistance");
        Map<String, Long> expected = new HashMap<>();
        for (String q : queries) {
            expected.put(q, get("/api/search?q=" + encode(q)).get("total").asLong());
        }
        NodeLoss.Outcome run = NodeLoss.whileSearching(cluster, 1, 4, turn -> {
            String q = queries.get(turn % queries.size());
            Response response = call("GET", "/api/search?q=" + encode(q) + "&page=" + (turn / 4 % 900 + 2));
            if (response.status() != 200) {
                throw new IllegalStateException(q + ": " + response.body());
            }
            long total = response.json().get("total").asLong();
            return total == expected.get(q) ? null : q + ": " + response.body();
        });
        int answered = run.answered();
        List<String> wrong = run.wrong();
        List<String> inFlight = run.inFlight();
        System.out.printf("failover through the API: %d searches, %d in flight when the node died failed%n",
                answered, inFlight.size());
        assertEquals(List.of(), List.copyOf(wrong), "of " + answered + " searches");
        assertTrue(inFlight.size() <= 4, "at most one search a client in flight when the node died: " + inFlight);
    }

    /**
     * The eval command against the cluster keeps every judged set's floors (the contract the expected files state),
     * searches in the API's default mode and precedents alike.
     */
    @ParameterizedTest
    @CsvSource({"dev-queries,", "user-queries-tune,", "user-queries-check,", "user-queries-3,", "user-queries-4,",
            "drafts-tune,--similar",
            "drafts-check,--similar"})
    void theEvalCommandOnTheClusterKeepsEveryJudgedSetsFloors(String set, String similar) throws Exception {
        var args = new ArrayList<>(List.of("eval", "src/test/resources/eval/" + set + ".json", "--expected",
                "src/test/resources/eval/" + set + ".expected.json", "--engine", engine()));
        if (similar != null) {
            args.add(similar);
        }
        JarProcess.Result result = JarProcess.run(args.toArray(String[]::new));
        System.out.println("eval --engine " + set + ": " + result.out().lines()
                .filter(l -> l.matches("\\S+\\s+all\\s.*")).toList());
        assertEquals(0, result.exitCode(), result.out() + result.err());
    }

    private static String engine() {
        return cluster.addresses().stream().map(Object::toString).collect(Collectors.joining(","));
    }

    @Override
    @Test
    void theServerBuiltTheIndexOnFirstStart() {
        assertTrue(indexed.out().contains("Indexed 5 reports, 208 units"), indexed.out());
        assertTrue(server.startupOutput().stream().anyMatch(line -> line.startsWith("tipsearch: searching the "
                + "cluster's alias tipsearch")), String.join("\n", server.startupOutput()));
        assertTrue(server.startupOutput().stream().anyMatch(line -> line.startsWith("tipsearch: serving 208 "
                + "paragraphs from 5 reports")), String.join("\n", server.startupOutput()));
    }
}
