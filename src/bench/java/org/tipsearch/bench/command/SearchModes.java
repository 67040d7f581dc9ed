package org.tipsearch.bench.command;

import java.util.ArrayList;
import java.util.List;
import org.tipsearch.search.SearchMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** A {@code --modes} option's list of search modes. */
final class SearchModes {

    private SearchModes() {}

    /** The modes named, in order, or a usage error naming the unknown one. */
    static List<SearchMode> parse(CommandSpec spec, List<String> ids) {
        var modes = new ArrayList<SearchMode>();
        for (String id : ids) {
            try {
                modes.add(SearchMode.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return modes;
    }
}
