package org.tipsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tipsearch.index.ReportIndexer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Where the reports and the index live; shared by the commands that need them. */
final class Locations {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Folder of report files (.txt, .md, .pdf, .docx, .html, .htm). Default: the index's own "
                    + "(index-data/reports for index-data/index; X/reports for X/index; DIR-reports for any other DIR).")
    private Path reports;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index-data/index",
            description = "Folder of the index. Default: ${DEFAULT-VALUE}.")
    private Path index;

    /** The index folder. */
    Path index() {
        return index;
    }

    /**
     * The reports folder: as given, else the one that belongs to the index, so that a scratch index never
     * reads or writes the reports of another (the default index's are {@code index-data/reports}).
     */
    Path reports() {
        return reports != null ? reports : reportsOf(index);
    }

    /** The reports folder an index keeps: {@code X/reports} beside {@code X/index}, else {@code DIR-reports}. */
    static Path reportsOf(Path index) {
        Path absolute = index.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("the index cannot be the root folder " + absolute);
        }
        String name = absolute.getFileName().toString();
        return absolute.resolveSibling(name.equals("index") ? "reports" : name + "-reports");
    }

    /** The reports folder, or a usage error naming it. */
    Path existingReports() {
        Path folder = reports();
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no reports folder at " + folder
                    + (reports == null ? " (the reports of index " + index + "; give --reports DIR to read others)" : ""));
        }
        return folder;
    }

    /**
     * The index folder, verified whole: a damaged index is set aside and rebuilt from the reports folder, which a
     * line on {@code out} says.
     */
    Path verifiedIndex(PrintWriter out) throws IOException {
        IndexRepair.verify(index(), reports(), out);
        return existingIndex();
    }

    /** The index folder, or a usage error saying how to build it. */
    Path existingIndex() throws IOException {
        if (!ReportIndexer.isCurrent(index())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no current index at " + index()
                    + "; build it with 'tipsearch index'");
        }
        return index();
    }
}
