package org.tipsearch.bench.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tipsearch.bench.BenchQuery;
import org.tipsearch.search.lucene.FacetCountingRace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch bench facets}: the faceted search step alone, tipsearch's one-pass collection against Lucene's
 * {@code DrillSideways}, over the fixed mixed query set on one index, taking turns query by query.
 */
@Command(name = "facets", mixinStandardHelpOptions = true,
        description = "Time the faceted search step (top 10 and every facet count) ours against Lucene's DrillSideways,"
                + " taking turns; prints a table.")
final class BenchFacetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BenchIndex index;

    @Option(names = "--rounds", defaultValue = "10", description = "Timed rounds over all queries. Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Option(names = "--warm-up", defaultValue = "3", description = "Untimed rounds first. Default: ${DEFAULT-VALUE}.")
    private int warmUp;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1-10000, not " + rounds);
        }
        if (warmUp < 0 || warmUp > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warm-up must be 0-10000, not " + warmUp);
        }
        List<BenchQuery> queries = BenchQuery.mixedSet();
        PrintWriter out = spec.commandLine().getOut();
        try (var race = new FacetCountingRace(index.existingIndex())) {
            FacetCountingRace.print(race.run(queries, warmUp, rounds), queries.size(), rounds, out);
        }
        out.println("command: tipsearch bench facets --index " + index.index() + " --rounds " + rounds
                + " --warm-up " + warmUp);
        return 0;
    }
}
