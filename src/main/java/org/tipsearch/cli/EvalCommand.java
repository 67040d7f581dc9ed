package org.tipsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tipsearch.eval.ExpectedScores;
import org.tipsearch.eval.JudgedQueries;
import org.tipsearch.eval.RelevanceEvaluation.QueryScores;
import org.tipsearch.eval.RelevanceEvaluation.RankedText;
import org.tipsearch.eval.RelevanceEvaluation;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code tipsearch eval QUERIES}: nDCG@10 and recall@20 of judged queries, per query and as means. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run judged queries and print nDCG@10 and recall@20 per query and as means, trec_eval style.")
final class EvalCommand implements Callable<Integer> {

    private static final int DEPTH = 20;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "QUERIES", description = "Judged queries, e.g. src/test/resources/eval/dev-queries.json.")
    private Path queriesFile;

    @Option(names = "--expected", paramLabel = "FILE",
            description = "Floors by mode (e.g. src/test/resources/eval/dev-queries.expected.json); exit 1 below them.")
    private Path expectedFile;

    @Option(names = "--mode", defaultValue = "hybrid", description = "Search mode: bm25, semantic or hybrid. Default: ${DEFAULT-VALUE}.")
    private String mode;

    @Override
    public Integer call() throws Exception {
        JudgedQueries queries = InputFiles.read(spec.commandLine(), queriesFile, JudgedQueries::read, "judged queries");
        ExpectedScores expected = expectedFile == null ? null
                : InputFiles.read(spec.commandLine(), expectedFile, ExpectedScores::read, "expected scores");
        SearchMode searchMode;
        try {
            searchMode = SearchMode.fromId(mode);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --mode '" + mode + "'; modes: bm25, semantic, hybrid");
        }
        PrintWriter out = spec.commandLine().getOut();
        var scores = new ArrayList<QueryScores>();
        try (SearchService search = SearchService.open(locations.existingIndex())) {
            for (JudgedQueries.JudgedQuery query : queries.queries()) {
                var request = new SearchRequest(Scope.PARAGRAPHS, searchMode, query.query(), 1, DEPTH, Map.of());
                List<RankedText> ranking = search.search(request).hits().stream()
                        .map(EvalCommand::ranked).toList();
                QueryScores score = RelevanceEvaluation.score(query, ranking);
                scores.add(score);
                print(out, score);
            }
        }
        QueryScores mean = RelevanceEvaluation.mean(scores);
        print(out, mean);
        if (expected == null) {
            return 0;
        }
        ExpectedScores.Floor floor = expected.modes().get(mode);
        if (floor == null) {
            out.println("no expected scores for mode " + mode);
            return 1;
        }
        boolean ok = mean.ndcg10() >= floor.ndcg10() && mean.recall20() >= floor.recall20();
        out.printf(Locale.ROOT, "%s: expected ndcg_cut_10 >= %.4f and recall_20 >= %.4f%n", ok ? "PASS" : "FAIL",
                floor.ndcg10(), floor.recall20());
        return ok ? 0 : 1;
    }

    private static RankedText ranked(Hit hit) {
        return new RankedText(hit.document().source(), hit.unit().paragraph().text());
    }

    private static void print(PrintWriter out, QueryScores score) {
        out.printf(Locale.ROOT, "ndcg_cut_10\t%s\t%.4f%n", score.id(), score.ndcg10());
        out.printf(Locale.ROOT, "recall_20\t%s\t%.4f%n", score.id(), score.recall20());
    }
}
