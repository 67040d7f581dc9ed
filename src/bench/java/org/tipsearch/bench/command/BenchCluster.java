package org.tipsearch.bench.command;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.tipsearch.search.solr.SolrNodes;
import picocli.CommandLine.Option;

/** The SolrCloud cluster a benchmark writes, searches or serves beside the index, as the product's commands name it. */
final class BenchCluster {

    @Option(names = "--engine", paramLabel = "URL", split = ",",
            description = "A SolrCloud cluster's nodes (bench/solr-cluster start prints them), the corpus's collection "
                    + "behind --alias.")
    private List<URI> engine;

    @Option(names = "--alias", paramLabel = "NAME", defaultValue = "bench",
            description = "With --engine: the alias of the corpus's collection. Default: ${DEFAULT-VALUE}.")
    private String alias;

    /** Whether a cluster was named. */
    boolean given() {
        return engine != null && !engine.isEmpty();
    }

    String alias() {
        return alias;
    }

    /** The nodes' addresses as --engine takes them. */
    String addresses() {
        return engine.stream().map(URI::toString).collect(Collectors.joining(","));
    }

    SolrNodes nodes(Duration timeout) {
        return new SolrNodes(engine, timeout);
    }

    /** The options as a command line repeats them ("" for none). */
    String asOptions() {
        return given() ? " --engine " + addresses() + " --alias " + alias : "";
    }
}
