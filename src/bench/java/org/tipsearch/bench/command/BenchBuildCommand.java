package org.tipsearch.bench.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipsearch.bench.ScaleIndexBuild;
import org.tipsearch.search.solr.SolrCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code tipsearch bench build}: builds the index of a synthetic corpus of N units and prints how fast. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Generate a synthetic corpus of N units from the bundled reports (fixed seed), index it into a"
                + " new index, and print units/s, MB/s and the index's size.")
final class BenchBuildCommand implements Callable<Integer> {

    private static final long MAX_UNITS = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--units", required = true, paramLabel = "N", description = "Units the corpus holds, e.g. 1000000.")
    private long units;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Folder of the new index (replaced); not the served one.")
    private Path index;

    /** Instead of --index: the corpus written into a new collection of the cluster. */
    @Mixin
    private BenchCluster cluster;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2",
            description = "With --engine: the collection's shards. Default: ${DEFAULT-VALUE}.")
    private int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
            description = "With --engine: copies of each shard. Default: ${DEFAULT-VALUE}.")
    private int replicas;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "index-data/reports",
            description = "The real reports the corpus is modelled on. Default: ${DEFAULT-VALUE}.")
    private Path reports;

    @Option(names = "--seed", defaultValue = "20261124", description = "Seed of the corpus. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--no-vectors", description = "Index without embeddings (such an index is not searched by meaning).")
    private boolean noVectors;

    @Option(names = "--threads", paramLabel = "N", description = "Indexing threads. Default: the number of cores.")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        if (units < 1 || units > MAX_UNITS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--units must be 1-" + MAX_UNITS + ", not " + units);
        }
        int indexThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (indexThreads < 1 || indexThreads > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1-64, not " + indexThreads);
        }
        if ((index == null) == !cluster.given()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --index DIR or --engine URL");
        }
        if (index != null
                && index.toAbsolutePath().normalize().equals(Path.of("index-data/index").toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--index must not be the served index " + index);
        }
        ScaleIndexBuild.Summary s = index != null
                ? ScaleIndexBuild.run(reports, index, units, seed, !noVectors, indexThreads)
                : ScaleIndexBuild.run(reports, new SolrCollections(cluster.nodes(Duration.ofMinutes(5)), cluster.alias(),
                        shards, replicas, Duration.ofSeconds(10), Clock.systemUTC()), units, seed, !noVectors,
                        indexThreads);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "index build: %,d units in %,d synthetic reports (seed %d), %s vectors, %d threads%n",
                s.units(), s.reports(), seed, noVectors ? "without" : "with", s.threads());
        out.printf(Locale.ROOT, "%-40s %9s %11s %8s%n", "step", "seconds", "units/s", "MB/s");
        row(out, "generate and enrich the corpus", s.prepareNanos(), s);
        row(out, index != null ? "index (documents, analysis, Lucene)" : "write into the cluster (JSON, Solr)",
                s.indexNanos(), s);
        row(out, "commit", s.commitNanos(), s);
        row(out, "index and commit", s.indexNanos() + s.commitNanos(), s);
        if (index != null) {
            out.printf(Locale.ROOT, "text %.1f MB; index %.1f MB on disk in %d segments%n",
                    s.textBytes() / 1e6, s.sizeBytes() / 1e6, s.segments());
        } else {
            out.printf(Locale.ROOT, "text %.1f MB; a collection of %d shards x %d replicas behind alias %s%n",
                    s.textBytes() / 1e6, shards, replicas, cluster.alias());
        }
        out.printf(Locale.ROOT, "command: tipsearch bench build --units %d %s --seed %d%s%n", units,
                index != null ? "--index " + index : cluster.asOptions().strip() + " --shards " + shards
                        + " --replicas " + replicas, seed, noVectors ? " --no-vectors" : "");
        return 0;
    }

    private static void row(PrintWriter out, String step, long nanos, ScaleIndexBuild.Summary s) {
        double seconds = nanos / 1e9;
        out.printf(Locale.ROOT, "%-40s %9.1f %,11.0f %8.1f%n", step, seconds, s.units() / seconds,
                s.textBytes() / 1e6 / seconds);
    }
}
