package org.tipsearch.bench.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipsearch.bench.BenchQuery;
import org.tipsearch.bench.Percentiles;
import org.tipsearch.bench.PostgresBaseline;
import org.tipsearch.bench.PostgresServer;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch bench postgres}: the index's units copied into a throwaway PostgreSQL, then the fixed mixed
 * query set run by both, turn about, in the same run: top 10 with snippets and every facet's counts.
 */
@Command(name = "postgres", mixinStandardHelpOptions = true,
        description = "Load the index's units into a throwaway PostgreSQL (Debian's server, full-text search with"
                + " a GIN index) and compare its latency with tipsearch's bm25 on the same queries; prints a table.")
final class BenchPostgresCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BenchIndex index;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds over all queries. Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 1_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1-1000, not " + rounds);
        }
        List<BenchQuery> queries = BenchQuery.mixedSet();
        PrintWriter out = spec.commandLine().getOut();
        try (SearchService search = SearchService.open(index.existingIndex());
                PostgresServer server = PostgresServer.start();
                var connection = server.connect()) {
            var postgres = new PostgresBaseline(connection);
            long start = System.nanoTime();
            long rows = postgres.load(index.index());
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long[] lucene = new long[rounds * queries.size()];
            long[] pg = new long[rounds * queries.size()];
            long luceneMatches = 0;
            long pgMatches = 0;
            for (int round = -1, i = 0; round < rounds; round++) { // round -1 warms both up
                for (BenchQuery query : queries) {
                    var request = new SearchRequest(Scope.UNITS, SearchMode.BM25, query.query(), 1, 10, query.filters());
                    long t0 = System.nanoTime();
                    long luceneTotal = search.search(request).total();
                    long t1 = System.nanoTime();
                    long pgTotal = postgres.search(query);
                    long t2 = System.nanoTime();
                    if (round >= 0) {
                        lucene[i] = t1 - t0;
                        pg[i++] = t2 - t1;
                        luceneMatches += luceneTotal;
                        pgMatches += pgTotal;
                    }
                }
            }
            var l = new Percentiles(lucene);
            var p = new Percentiles(pg);
            out.printf(Locale.ROOT, "tipsearch bm25 vs %s full-text search, %,d units; top 10 with snippets and facet"
                    + " counts; %d queries x %d rounds%n", server.version(), rows, queries.size(), rounds);
            out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s %14s%n", "system", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "matches/query");
            row(out, "tipsearch (in process)", l, luceneMatches / l.count());
            row(out, "PostgreSQL (loopback)", p, pgMatches / p.count());
            out.printf(Locale.ROOT, "tipsearch is %.1fx faster at p50, %.1fx at p99; PostgreSQL load, tsvector and GIN"
                    + " index: %.1f s (%,.0f units/s)%n", p.ms(0.5) / l.ms(0.5), p.ms(0.99) / l.ms(0.99), loadSeconds,
                    rows / loadSeconds);
        }
        out.println("command: tipsearch bench postgres --index " + index.index() + " --rounds " + rounds);
        return 0;
    }

    private static void row(PrintWriter out, String system, Percentiles p, long matchesPerQuery) {
        out.printf(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %8.1f %,14d%n", system, p.ms(0.50), p.ms(0.95), p.ms(0.99),
                p.maxMs(), matchesPerQuery);
    }
}
