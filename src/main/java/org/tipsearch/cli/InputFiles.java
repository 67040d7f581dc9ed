package org.tipsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Reads a file a command was given; a missing or unreadable one is a usage error naming it. */
final class InputFiles {

    /** Parses a file into what a command needs. */
    interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    private InputFiles() {}

    static <T> T read(CommandLine commandLine, Path file, Parser<T> parser, String what) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(commandLine, "no " + what + " file at " + file);
        }
        try {
            return parser.parse(file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, file + " is not a " + what + " file: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
