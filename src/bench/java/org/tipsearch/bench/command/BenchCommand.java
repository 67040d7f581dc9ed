package org.tipsearch.bench.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch bench}: the benchmarks, one sub-command each; each prints a table and the command that made it.
 * They ship in a jar of their own ({@code target/tipsearch-bench.jar}), which {@code ./tipsearch bench} puts beside
 * the product jar; the product jar carries no benchmark class and no PostgreSQL driver.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: index build of a synthetic corpus, query latency, faceted counting against Lucene's,"
                + " PostgreSQL side by side, HTTP load.",
        subcommands = {BenchBuildCommand.class, BenchLatencyCommand.class, BenchFacetsCommand.class,
            BenchPostgresCommand.class, BenchHttpCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: build, latency, facets, postgres or"
                + " http");
    }
}
