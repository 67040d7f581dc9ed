package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;
import org.tipsearch.search.solr.SolrCluster;

/**
 * The API's contract on the cluster (issue 21): every test of {@link ApiIT}, over real HTTP against the built jar
 * serving the bundled reports from a SolrCloud cluster of two nodes (a collection of two shards, each on both),
 * written there by {@code tipsearch index --engine}.
 */
class ClusterApiIT extends ApiIT {

    @TempDir
    static Path clusterDir;
    private static SolrCluster cluster;
    private static JarProcess.Result indexed;

    @BeforeAll
    static void start() throws Exception {
        cluster = SolrCluster.start(clusterDir, 2);
        String engine = cluster.addresses().stream().map(Object::toString).collect(Collectors.joining(","));
        indexed = JarProcess.run("index", "--engine", engine, "--reports", BundledReports.DIR.toString());
        assertEquals(0, indexed.exitCode(), indexed.out() + indexed.err());
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
