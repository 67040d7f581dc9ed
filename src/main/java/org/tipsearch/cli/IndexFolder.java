package org.tipsearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The index folder option, for every command that reads or changes the index. */
final class IndexFolder {

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index-data/index",
            description = "Folder of the index. Default: ${DEFAULT-VALUE}.")
    Path index;
}
