package org.tipsearch.bench.command;

import java.io.IOException;
import java.nio.file.Path;
import org.tipsearch.index.ReportIndexer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The index a benchmark measures, as the product's commands name it. */
final class BenchIndex {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index-data/index",
            description = "Folder of the index. Default: ${DEFAULT-VALUE}.")
    private Path index;

    Path index() {
        return index;
    }

    /** The index folder, or a usage error saying how to build it. */
    Path existingIndex() throws IOException {
        if (!ReportIndexer.isCurrent(index)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no current index at " + index
                    + "; build it with 'tipsearch index' or 'tipsearch bench build'");
        }
        return index;
    }
}
