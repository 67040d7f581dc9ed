package org.tipsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.logging.LogManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code tipsearch} command line: one sub-command per task. */
@Command(
        name = "tipsearch",
        mixinStandardHelpOptions = true,
        version = "tipsearch 0.1.0",
        description = "Paragraph-level search over the UN reports on trafficking in persons.",
        subcommands = {IndexCommand.class, IngestCommand.class, RemoveCommand.class, ServeCommand.class, SearchCommand.class,
            EvalCommand.class, EvalFacetsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a command line that cannot be carried out as written (picocli's convention too). */
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: index, ingest, remove, serve, search, eval, eval-facets or bench");
    }

    public static void main(String[] args) {
        quietLibraries(List.of(args).contains(VERBOSE));
        int code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(code);
    }

    /**
     * The benchmarks' command, where their jar ({@code target/tipsearch-bench.jar}, which {@code ./tipsearch bench}
     * puts on the class path) is there: the product jar carries none of their code.
     */
    private static java.util.Optional<Object> benchmarks() {
        try {
            return java.util.Optional.of(Class.forName(BENCH_COMMAND).getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return java.util.Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the benchmarks' command cannot be made: " + e, e);
        }
    }

    private static final String BENCH_COMMAND = "org.tipsearch.bench.command.BenchCommand";

    /** The option that lets the libraries log at info (slf4j-simple, java.util.logging) rather than warnings only. */
    static final String VERBOSE = "--verbose";

    /**
     * The libraries' logging, set before any of them logs: slf4j-simple reads {@code simplelogger.properties}
     * (warnings; DJL errors only), java.util.logging (Lucene) warnings only — and Lucene's note on the vector
     * module, which the launcher adds, only if it is missing and the run verbose.
     */
    private static void quietLibraries(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "info");
            return;
        }
        String config = ".level=WARNING\norg.apache.lucene.internal.vectorization.level=SEVERE\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new java.io.ByteArrayInputStream(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The command line with its error handling: bad usage is one line on stderr and exit code 2. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new Main());
        benchmarks().ifPresent(bench -> commandLine.addSubcommand("bench", bench));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            if (args.length > 0 && args[0].equals("bench") && !commandLine.getSubcommands().containsKey("bench")) {
                failed.getErr().println("tipsearch: 'bench' runs from the benchmarks' own jar, target/tipsearch-bench.jar,"
                        + " beside this one: use './tipsearch bench'");
                return USAGE;
            }
            failed.getErr().println("tipsearch: " + e.getMessage() + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("tipsearch: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
