package org.tipsearch.search.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud cluster for the tests: ZooKeeper and N Solr nodes, each in a JVM of its own on the class path
 * {@code cluster/solr/target/solr-lib} (Solr 9.10.1 from Maven Central, which {@code ./tipsearch test} builds), on
 * free loopback ports, under one folder. A node can be killed and started again on its port and its folder.
 */
public final class SolrCluster implements AutoCloseable {

    static final Path SOLR_LIB = Path.of("cluster/solr/target/solr-lib");
    private static final Path NODE_LAUNCHER = Path.of("src/test/solr/SolrNode.java");
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    private final Path dir;
    private final int zkPort;
    private final Process zooKeeper;
    private final int[] ports;
    private final Process[] nodes;

    private SolrCluster(Path dir, int nodeCount, String security) throws IOException {
        if (!Files.isDirectory(SOLR_LIB)) {
            throw new IllegalStateException(SOLR_LIB + " is missing: build it with mvn -f cluster/solr/pom.xml "
                    + "package (./tipsearch test does)");
        }
        this.dir = dir;
        zkPort = freePort();
        zooKeeper = java(dir.resolve("zookeeper.log"), "org.apache.zookeeper.server.ZooKeeperServerMain",
                String.valueOf(zkPort), dir.resolve("zookeeper").toString());
        ports = new int[nodeCount];
        nodes = new Process[nodeCount];
        try {
            awaitPort(zkPort);
            if (security != null) { // read by each node as it starts: ZooKeeper's own client writes it
                Process write = java(dir.resolve("zookeeper-security.log"), "org.apache.zookeeper.ZooKeeperMain",
                        "-server", "127.0.0.1:" + zkPort, "create", "/security.json", security);
                boolean written;
                try {
                    written = write.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) && write.exitValue() == 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while security.json was written", e);
                }
                if (!written) {
                    throw new IOException("security.json was not written to ZooKeeper; see "
                            + dir.resolve("zookeeper-security.log"));
                }
            }
            for (int i = 0; i < nodeCount; i++) {
                ports[i] = freePort();
            }
            var started = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < nodeCount; i++) {
                int node = i;
                started.add(CompletableFuture.runAsync(() -> startNode(node)));
            }
            started.forEach(CompletableFuture::join);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts ZooKeeper and the nodes, and returns once every node listens. */
    public static SolrCluster start(Path dir, int nodeCount) throws IOException {
        return new SolrCluster(dir, nodeCount, null);
    }

    /** As {@link #start(Path, int)}, the cluster's security (Solr's security.json, on one line) on from the start. */
    static SolrCluster startSecured(Path dir, int nodeCount, String security) throws IOException {
        if (security.contains(" ") || security.contains("\n")) {
            throw new IllegalArgumentException("ZooKeeper's client reads security.json as one word: no spaces");
        }
        return new SolrCluster(dir, nodeCount, security);
    }

    /** The nodes' Solr addresses, in node order. */
    public List<URI> addresses() {
        var addresses = new ArrayList<URI>();
        for (int port : ports) {
            addresses.add(URI.create("http://127.0.0.1:" + port + "/solr/"));
        }
        return addresses;
    }

    /** Waits until every node is live and every replica of every collection is active. */
    public void awaitEveryReplicaActive() throws Exception {
        var through = new SolrNodes(addresses(), Duration.ofSeconds(30));
        long until = System.nanoTime() + START_LIMIT.toNanos();
        String states = "";
        while (System.nanoTime() < until) {
            JsonNode cluster = through.get("admin/collections?action=CLUSTERSTATUS&wt=json").path("cluster");
            var replicaStates = new ArrayList<String>();
            cluster.path("collections").forEach(collection -> collection.path("shards").forEach(shard ->
                    shard.path("replicas").forEach(replica -> replicaStates.add(replica.path("state").asText()))));
            states = cluster.path("live_nodes").size() + " live nodes, replicas " + replicaStates;
            if (cluster.path("live_nodes").size() == nodes.length
                    && replicaStates.stream().allMatch("active"::equals)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the collections did not become active: " + states);
    }

    /** Stops a node at once, as a crash would: no shutdown, no goodbye to ZooKeeper. */
    public void kill(int node) throws InterruptedException {
        nodes[node].destroyForcibly();
        nodes[node].waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a killed node again, on its port and its folder (so with the replicas it held). */
    public void restart(int node) {
        startNode(node);
    }

    private void startNode(int node) {
        try {
            Path log = dir.resolve("node-" + node + ".log");
            Process process = java(null, NODE_LAUNCHER.toString(), dir.resolve("node-" + node).toString(),
                    String.valueOf(ports[node]), "127.0.0.1:" + zkPort);
            nodes[node] = process;
            awaitReady(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a node's output to its log for as long as it runs, and returns once the launcher printed "ready": the
     * output is read to its end, since a node whose output nobody reads would block on a full pipe.
     */
    private static void awaitReady(Process process, Path log) throws IOException {
        var ready = new CompletableFuture<Boolean>();
        var copier = new Thread(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    copy.write(line);
                    copy.newLine();
                    if (line.startsWith("ready ")) {
                        copy.flush();
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the node is gone; its log says how far it got
            } finally {
                ready.complete(false);
            }
        }, "solr-node-output");
        copier.setDaemon(true);
        copier.start();
        boolean started;
        try {
            started = ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            started = false;
        }
        if (!started) {
            process.destroyForcibly();
            throw new IOException("a Solr node did not start within " + START_LIMIT.toSeconds() + " s; see " + log);
        }
    }

    /** A JVM like this one's on Solr's class path; its output to the log, or to a pipe when the log is null. */
    private static Process java(Path log, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp", SOLR_LIB.toAbsolutePath() + "/*"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (log != null) {
            builder.redirectOutput(log.toFile());
        }
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws IOException {
        long until = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while ZooKeeper started", interrupted);
                }
            }
        }
        throw new IOException("ZooKeeper did not listen on port " + port);
    }

    @Override
    public void close() {
        for (Process node : nodes) {
            if (node != null) {
                node.destroyForcibly();
            }
        }
        zooKeeper.destroyForcibly();
    }
}
