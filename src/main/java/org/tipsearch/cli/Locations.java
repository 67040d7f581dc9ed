package org.tipsearch.cli;

import java.io.IOException;
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

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "index-data/reports",
            description = "Folder of report files (.txt, .md, .pdf, .docx, .html, .htm). Default: ${DEFAULT-VALUE}.")
    Path reports;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index-data/index",
            description = "Folder of the index. Default: ${DEFAULT-VALUE}.")
    private Path index;

    /** The index folder. */
    Path index() {
        return index;
    }

    /** The reports folder, or a usage error naming it. */
    Path existingReports() {
        if (!Files.isDirectory(reports)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no reports folder at " + reports);
        }
        return reports;
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
