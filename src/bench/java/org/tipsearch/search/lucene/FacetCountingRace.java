package org.tipsearch.search.lucene;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tipsearch.bench.BenchQuery;
import org.tipsearch.bench.Percentiles;
import org.tipsearch.index.Schema;

/**
 * The faceted search step alone, ours against Lucene's, on one index in one run, taking turns query by query: the
 * top 10 hits and every facet count, drill sideways included, by {@link FacetedCollection} over the view's
 * {@link FacetOrdinals} (what a search runs), and by {@link DrillSideways} with {@code
 * SortedSetDocValuesFacetCounts} on a stock {@link IndexSearcher} given the same cores. Both search the same query
 * (the benchmark query as a search reads it, among units by a filter clause) with the same filters;
 * {@code FacetedCollectionTest} checks that they find the same. It lives in the engine's package, beside what it
 * times, but ships in the benchmarks' jar: the build keeps a class named {@code *Race} of the engine's packages out of
 * the product's jar, and the package rules out of the product's classes.
 */
public final class FacetCountingRace implements AutoCloseable {

    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, SortField.FIELD_DOC);
    private static final int TOP = 10;

    private final FacetsConfig config = Schema.facetsConfig();
    private final ExecutorService cores = Executors.newFixedThreadPool(LuceneEngine.CORES);
    private final Directory directory;
    private final SearcherManager views;
    private final QueryReader queryReader = QueryReader.standard();

    public FacetCountingRace(Path indexDir) throws IOException {
        directory = FSDirectory.open(indexDir);
        views = new SearcherManager(DirectoryReader.open(directory),
                ReportSearcher.factory(config, cores, ReportSearcher.SLICE_DOCS));
    }

    /** Nanoseconds of each query of each timed round, ours and Lucene's, after untimed rounds of both. */
    public record Laps(Percentiles ours, Percentiles lucene, int units) {}

    public Laps run(List<BenchQuery> queries, int warmUp, int rounds) throws IOException {
        var view = (ReportSearcher) views.acquire();
        try {
            var stock = new IndexSearcher(view.getIndexReader(), cores);
            List<Query> bases = queries.stream().map(query -> (Query) new BooleanQuery.Builder()
                    .add(queryReader.read(query.query()).query(), BooleanClause.Occur.MUST)
                    .add(ReportSearcher.ofType(Schema.TYPE_UNIT), BooleanClause.Occur.FILTER)
                    .build()).toList();
            for (int round = 0; round < warmUp; round++) {
                lap(view, stock, queries, bases, new ArrayList<>(), new ArrayList<>());
            }
            var ours = new ArrayList<Long>();
            var lucene = new ArrayList<Long>();
            for (int round = 0; round < rounds; round++) {
                lap(view, stock, queries, bases, ours, lucene);
            }
            return new Laps(percentiles(ours), percentiles(lucene), view.unitTotal());
        } finally {
            views.release(view);
        }
    }

    /** Every query once each way, the order of the two swapped from one query to the next. */
    private void lap(ReportSearcher view, IndexSearcher stock, List<BenchQuery> queries, List<Query> bases,
            List<Long> ours, List<Long> lucene) throws IOException {
        for (int q = 0; q < queries.size(); q++) {
            BenchQuery query = queries.get(q);
            Query base = bases.get(q);
            for (int turn = 0; turn < 2; turn++) {
                boolean oursNow = (turn + q) % 2 == 0;
                long start = System.nanoTime();
                long total;
                if (oursNow) {
                    total = view.until(new Deadline(null)).search(base, new FacetedCollection<>(view.facetOrdinals(),
                            query.filters(), new TopFieldCollectorManager(RELEVANCE, TOP, null, Integer.MAX_VALUE)))
                            .total();
                } else {
                    var drillDown = new DrillDownQuery(config, base);
                    query.filters().forEach((dim, values) -> values.forEach(value -> drillDown.add(dim, value)));
                    total = new DrillSideways(stock, config, view.facetState())
                            .search(drillDown, null, null, TOP, RELEVANCE, false).hits.totalHits.value();
                }
                (oursNow ? ours : lucene).add(System.nanoTime() - start);
                if (total < 0) {
                    throw new IllegalStateException("no total for " + query.query());
                }
            }
        }
    }

    private static Percentiles percentiles(List<Long> nanos) {
        return new Percentiles(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    /** Prints the two rows of a run. */
    public static void print(Laps laps, int queries, int rounds, PrintWriter out) {
        out.printf(Locale.ROOT, "faceted search step, in process, %,d units; top %d and every facet count;"
                + " %d queries x %d rounds, taking turns%n", laps.units(), TOP, queries, rounds);
        out.printf(Locale.ROOT, "%-40s %8s %8s %8s %8s%n", "counting", "p50 ms", "p95 ms", "p99 ms", "max ms");
        row(out, "ours (FacetedCollection)", laps.ours());
        row(out, "Lucene (DrillSideways)", laps.lucene());
    }

    private static void row(PrintWriter out, String label, Percentiles timings) {
        out.printf(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f %8.1f%n", label, timings.ms(0.50), timings.ms(0.95),
                timings.ms(0.99), timings.maxMs());
    }

    @Override
    public void close() throws IOException {
        try {
            views.close();
            directory.close();
        } finally {
            cores.shutdown();
        }
    }
}
