package org.tipsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tipsearch.eval.JudgedQueries;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch bench QUERIES}: in-process query latency per mode (size 10, facets and highlighting, the
 * query's embedding included: the cache of query embeddings is emptied before each query), p50/p95/p99 over
 * rounds of the queries after a warm-up round.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure query latency per search mode over the queries of a judged file; prints a table.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "QUERIES", description = "Queries, e.g. src/test/resources/eval/dev-queries.json.")
    private Path queriesFile;

    @Option(names = "--rounds", defaultValue = "25", description = "Timed rounds over all queries. Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1-10000, not " + rounds);
        }
        JudgedQueries queries = InputFiles.read(spec.commandLine(), queriesFile, JudgedQueries::read, "judged queries");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "query latency, in process, size 10 with facets and highlighting; %d queries x %d rounds%n",
                queries.queries().size(), rounds);
        out.printf(Locale.ROOT, "%-9s %8s %8s %8s %8s%n", "mode", "p50 ms", "p95 ms", "p99 ms", "max ms");
        try (SearchService search = SearchService.open(locations.existingIndex())) {
            for (SearchMode mode : SearchMode.values()) {
                run(search, queries, mode); // warm-up: JIT, and the model loaded on first use
                long[] nanos = new long[rounds * queries.queries().size()];
                int i = 0;
                for (int round = 0; round < rounds; round++) {
                    for (long t : run(search, queries, mode)) {
                        nanos[i++] = t;
                    }
                }
                Arrays.sort(nanos);
                out.printf(Locale.ROOT, "%-9s %8.1f %8.1f %8.1f %8.1f%n", mode.id(), ms(nanos, 0.50), ms(nanos, 0.95),
                        ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
            }
        }
        out.println("command: tipsearch bench " + queriesFile + " --rounds " + rounds);
        return 0;
    }

    private static long[] run(SearchService search, JudgedQueries queries, SearchMode mode) throws Exception {
        long[] nanos = new long[queries.queries().size()];
        for (int q = 0; q < nanos.length; q++) {
            var request = new SearchRequest(Scope.PARAGRAPHS, mode, queries.queries().get(q).query(), 1, 10, Map.of());
            search.clearQueryCache(); // each query embedded anew, as a new query would be
            long start = System.nanoTime();
            search.search(request);
            nanos[q] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** The nearest-rank percentile. */
    private static double ms(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
