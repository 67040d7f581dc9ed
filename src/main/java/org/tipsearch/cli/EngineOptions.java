package org.tipsearch.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.tipsearch.search.solr.SolrCollections;
import org.tipsearch.search.solr.SolrCredentials;
import org.tipsearch.search.solr.SolrEngine;
import org.tipsearch.search.solr.SolrNodes;
import picocli.CommandLine.Option;

/**
 * Where the units are stored and searched: the embedded index (the default), or a SolrCloud cluster given by its
 * nodes' addresses, its units in collections behind an alias.
 */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "URL", split = ",",
            description = "A SolrCloud cluster instead of the embedded index: its nodes' Solr addresses, e.g. "
                    + "http://solr1:8983/solr/,http://solr2:8983/solr/ (any one is enough; more are tried in turn).")
    private List<URI> engine;

    @Option(names = "--alias", paramLabel = "NAME", defaultValue = "tipsearch",
            description = "With --engine: the alias searches name; a rebuild writes a new collection behind it. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String alias;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2",
            description = "With --engine: the parts a new collection is split into. Default: ${DEFAULT-VALUE}.")
    private int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2",
            description = "With --engine: the copies of each part, on different nodes. Default: ${DEFAULT-VALUE}.")
    private int replicas;

    @Option(names = "--engine-credentials", paramLabel = "FILE",
            description = "With --engine: a file holding user:password, for a cluster whose Basic authentication is on"
                    + " (a file, so that the password is not on the command line).")
    private Path credentials;

    /** Whether a cluster was named; otherwise the embedded index is used. */
    boolean cluster() {
        return engine != null && !engine.isEmpty();
    }

    /** The cluster's collections behind the alias. */
    SolrCollections collections() throws IOException {
        return new SolrCollections(nodes(Duration.ofMinutes(2)), alias, shards, replicas, Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    /** The cluster as a server's engine, searching the alias; a node silent for {@code timeout} is passed over. */
    SolrEngine engine(Duration timeout) throws IOException {
        return new SolrEngine(nodes(timeout), alias, true);
    }

    /** Where {@code serve} says it searches. */
    String describe() {
        return "the cluster's alias " + alias + " at " + engine;
    }

    private SolrNodes nodes(Duration timeout) throws IOException {
        return new SolrNodes(engine, timeout, credentials == null ? null : SolrCredentials.read(credentials));
    }
}
