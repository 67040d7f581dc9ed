package org.tipsearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsoup.parser.Parser;
import org.tipsearch.search.Citation;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.SearchService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipsearch search "query"}: the best units with their citations, in the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index and print the hits with their citations.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. \"non-punishment\" or 'kind:recommendation child'.")
    private String query;

    @Option(names = "--size", defaultValue = "10", description = "How many hits to print (1-100). Default: ${DEFAULT-VALUE}.")
    private int size;

    @Option(names = "--mode", description = "Search mode: bm25 (words), semantic (meaning) or hybrid (both). "
            + "Default: the API's, hybrid.")
    private String mode;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SearchRequest request;
        try {
            SearchMode searchMode = mode == null ? Scope.UNITS.defaultMode() : SearchMode.fromId(mode);
            request = new SearchRequest(Scope.UNITS, searchMode, query, 1, size, Map.of());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (SearchService search = SearchService.open(locations.verifiedIndex(spec.commandLine().getErr()))) {
            SearchResults<Hit> results = search.search(request);
            if (results.notice() != null) {
                out.println("Note: " + results.notice());
            }
            out.printf(Locale.ROOT, "%d paragraphs match (%d ms)%n", results.total(), results.tookMs());
            int rank = 1;
            for (Hit hit : results.hits()) {
                out.printf(Locale.ROOT, "%n%d. %s%n   %s%n   %s%n", rank++,
                        Citation.of(hit.document(), hit.unit().parsed()), hit.unit().id(), plain(hit.highlight()));
            }
        }
        return 0;
    }

    /** The highlight for a terminal: matches in **stars**, every HTML entity decoded (jsoup's table). */
    private static String plain(String highlight) {
        String marked = highlight.replace("<mark>", "**").replace("</mark>", "**");
        return Parser.unescapeEntities(marked, false).replace("\n", "\n   ");
    }
}
