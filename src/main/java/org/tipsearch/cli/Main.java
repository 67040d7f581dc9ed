package org.tipsearch.cli;

import java.io.PrintWriter;
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
            EvalCommand.class, EvalFacetsCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
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
        int code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(code);
    }

    /** The command line with its error handling: bad usage is one line on stderr and exit code 2. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
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
