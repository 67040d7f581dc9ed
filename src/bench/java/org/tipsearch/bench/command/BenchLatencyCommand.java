package org.tipsearch.bench.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipsearch.bench.BenchQuery;
import org.tipsearch.bench.Percentiles;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import org.tipsearch.search.solr.SolrEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch bench latency}: in-process query latency per mode over the fixed mixed query set, size 10 with
 * facets and highlighting, p50/p95/p99 over timed rounds after untimed ones ({@code --warm-up}). A new query's
 * embeddings (its own and its hits' sentences) are part of its time, the caches emptied before each; a repeated one
 * is served from them.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Measure in-process query latency per search mode over the fixed mixed query set; prints a table.")
final class BenchLatencyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BenchIndex index;

    @Option(names = "--rounds", defaultValue = "10", description = "Timed rounds over all queries. Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Option(names = "--warm-up", defaultValue = "3",
            description = "Untimed rounds over all queries first, so that the JIT compiler has done its work before the"
                    + " timing starts (after one round it was still at it). Default: ${DEFAULT-VALUE}.")
    private int warmUp;

    @Option(names = "--modes", defaultValue = "bm25,semantic,hybrid", split = ",",
            description = "Search modes to time, in turn. Default: ${DEFAULT-VALUE}.")
    private List<String> modes;

    /** Also the cluster: each mode timed on the index, then on the collection 'bench build --engine' wrote. */
    @Mixin
    private BenchCluster clusterOptions;

    @Option(names = "--per-query",
            description = "Also print each query's median and matches per mode: where the time goes.")
    private boolean perQuery;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1-10000, not " + rounds);
        }
        if (warmUp < 1 || warmUp > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warm-up must be 1-10000, not " + warmUp);
        }
        List<SearchMode> searchModes = SearchModes.parse(spec, modes);
        List<BenchQuery> queries = BenchQuery.mixedSet();
        PrintWriter out = spec.commandLine().getOut();
        try (SearchService search = SearchService.open(index.existingIndex());
                SearchService cluster = !clusterOptions.given() ? null : new SearchService(
                        new SolrEngine(clusterOptions.nodes(Duration.ofMinutes(1)), clusterOptions.alias(), false),
                        null)) {
            out.printf(Locale.ROOT, "query latency, in process, %,d units; size 10 with facets and highlighting;"
                    + " %d queries x %d rounds%n", search.health().units(), queries.size(), rounds);
            if (cluster != null) {
                out.printf(Locale.ROOT, "beside a SolrCloud cluster's collection of %,d units (%s, alias %s), "
                        + "on the same machine%n", cluster.health().units(), clusterOptions.addresses(),
                        clusterOptions.alias());
            }
            out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s%n", "mode", "p50 ms", "p95 ms", "p99 ms", "max ms");
            var timings = new ArrayList<Timings>();
            for (SearchMode mode : searchModes) {
                for (boolean repeated : mode == SearchMode.BM25 ? List.of(false) : List.of(false, true)) {
                    timings.add(time(search, queries, mode, repeated, cluster == null ? "" : ", embedded"));
                    if (cluster != null) {
                        timings.add(time(cluster, queries, mode, repeated, ", cluster"));
                    }
                }
            }
            for (Timings timing : timings) {
                row(out, timing.label(), timing.all());
            }
            if (perQuery) {
                for (Timings timing : timings) {
                    out.printf(Locale.ROOT, "%n%s, per query%n%8s %10s  %s%n", timing.label(), "p50 ms", "matches",
                            "query");
                    for (int q = 0; q < queries.size(); q++) {
                        BenchQuery query = queries.get(q);
                        String filters = query.filters().isEmpty() ? "" : "  " + query.filters();
                        out.printf(Locale.ROOT, "%8.1f %,10d  %s%s%n", timing.perQuery()[q].ms(0.50),
                                timing.matches()[q], query.query(), filters);
                    }
                }
            }
        }
        out.println("command: tipsearch bench latency --index " + index.index() + " --rounds " + rounds
                + " --warm-up " + warmUp + " --modes " + String.join(",", modes) + (perQuery ? " --per-query" : "")
                + clusterOptions.asOptions());
        return 0;
    }

    /** One mode's timings: of all queries together, of each query, and each query's matches. */
    private record Timings(String label, Percentiles all, Percentiles[] perQuery, long[] matches) {}

    private Timings time(SearchService search, List<BenchQuery> queries, SearchMode mode, boolean repeated,
            String engineLabel) throws Exception {
        long[] matches = new long[queries.size()];
        for (int round = 0; round < warmUp; round++) { // JIT, caches, and the model loaded on first use
            run(search, queries, mode, repeated, matches);
        }
        long[][] byQuery = new long[queries.size()][rounds];
        long[] nanos = new long[rounds * queries.size()];
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            long[] roundNanos = run(search, queries, mode, repeated, matches);
            for (int q = 0; q < roundNanos.length; q++) {
                byQuery[q][round] = roundNanos[q];
                nanos[i++] = roundNanos[q];
            }
        }
        String label = mode.id() + (mode == SearchMode.BM25 ? "" : repeated ? ", repeated" : ", new") + engineLabel;
        return new Timings(label, new Percentiles(nanos),
                Arrays.stream(byQuery).map(Percentiles::new).toArray(Percentiles[]::new), matches);
    }

    /** Searches each query once; its time in nanoseconds, its matches into {@code matches}. */
    private static long[] run(SearchService search, List<BenchQuery> queries, SearchMode mode, boolean repeated,
            long[] matches) throws Exception {
        long[] nanos = new long[queries.size()];
        for (int q = 0; q < nanos.length; q++) {
            BenchQuery query = queries.get(q);
            var request = new SearchRequest(Scope.UNITS, mode, query.query(), 1, 10, query.filters());
            if (!repeated) {
                search.clearEmbeddingCaches(); // embedded anew, as a new query would be
            }
            long start = System.nanoTime();
            matches[q] = search.search(request).total();
            nanos[q] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void row(PrintWriter out, String mode, Percentiles p) {
        out.printf(Locale.ROOT, "%-28s %8.1f %8.1f %8.1f %8.1f%n", mode, p.ms(0.50), p.ms(0.95), p.ms(0.99), p.maxMs());
    }
}
