package org.tipsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tipsearch.eval.ExpectedScores;
import org.tipsearch.eval.JudgedQueries;
import org.tipsearch.eval.RelevanceEvaluation.Measure;
import org.tipsearch.eval.RelevanceEvaluation.QueryScores;
import org.tipsearch.eval.RelevanceEvaluation.RankedText;
import org.tipsearch.eval.RelevanceEvaluation;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import org.tipsearch.search.SimilarRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code tipsearch eval QUERIES}: nDCG@10 and recall@20 of judged queries, per query, per kind of query and as
 * means; with {@code --similar}, the queries are drafts given to the precedent finder, scored by nDCG@5 and
 * success@3.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run judged queries and print their measures per query, per kind of query and as means, "
                + "trec_eval style.")
final class EvalCommand implements Callable<Integer> {

    private static final List<Measure> SEARCH_MEASURES = List.of(Measure.NDCG_10, Measure.RECALL_20);
    private static final List<Measure> SIMILAR_MEASURES = List.of(Measure.NDCG_5, Measure.SUCCESS_3);

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Mixin
    private EngineOptions engine;

    @Parameters(index = "0", paramLabel = "QUERIES", description = "Judged queries, e.g. src/test/resources/eval/dev-queries.json.")
    private Path queriesFile;

    @Option(names = "--expected", paramLabel = "FILE",
            description = "Floors by run (e.g. src/test/resources/eval/dev-queries.expected.json); exit 1 below them.")
    private Path expectedFile;

    @Option(names = "--mode", description = "Search mode: bm25, semantic or hybrid. Default: the API's, hybrid.")
    private String mode;

    @Option(names = "--similar", description = "The queries are drafts: score the precedent finder's list for each "
            + "(POST /api/similar) by nDCG@5 and success@3 instead of a search.")
    private boolean similar;

    @Option(names = "--kind", paramLabel = "KIND", description = "With --similar: only units of this kind "
            + "(paragraph, recommendation, bullet), as the precedent finder's kind filter. Default: every unit.")
    private String kind;

    @Option(names = "--register", description = "With --similar: only the register's units (adopted, proposed, "
            + "observations, stakeholders' points), as the recommendations page's precedent finder's second scope.")
    private boolean register;

    @Override
    public Integer call() throws Exception {
        JudgedQueries queries = InputFiles.read(spec.commandLine(), queriesFile, JudgedQueries::read, "judged queries");
        ExpectedScores expected = expectedFile == null ? null
                : InputFiles.read(spec.commandLine(), expectedFile, ExpectedScores::read, "expected scores");
        SearchMode searchMode = searchMode();
        if ((kind != null || register) && !similar) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kind and --register go with --similar");
        }
        if (similar && mode != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode is for searches; --similar has none");
        }
        String run = !similar ? searchMode.id()
                : "similar" + (kind == null ? "" : ":" + kind) + (register ? ":register" : "");
        List<Measure> measures = similar ? SIMILAR_MEASURES : SEARCH_MEASURES;
        PrintWriter out = spec.commandLine().getOut();
        var scores = new ArrayList<QueryScores>();
        try (SearchService search = engine.cluster() ? new SearchService(engine.engine(Duration.ofMinutes(1)), null)
                : SearchService.open(locations.verifiedIndex(spec.commandLine().getErr()))) {
            for (JudgedQueries.JudgedQuery query : queries.queries()) {
                List<Hit> hits = similar ? precedents(search, query.query())
                        : search.search(new SearchRequest(Scope.UNITS, searchMode, query.query(), 1,
                                Measure.DEPTH, Map.of())).hits();
                QueryScores score = RelevanceEvaluation.score(query, hits.stream().map(EvalCommand::ranked).toList());
                scores.add(score);
                print(out, score, measures);
            }
        }
        List<QueryScores> byKind = RelevanceEvaluation.meansByKind(scores);
        byKind.forEach(means -> print(out, means, measures));
        QueryScores all = RelevanceEvaluation.mean(scores);
        print(out, all, measures);
        if (expected == null) {
            return 0;
        }
        if (!expected.covers(run)) {
            out.println("FAIL: no expected scores for " + run);
            return 1;
        }
        List<String> shortfalls = expected.shortfalls(run, all, byKind);
        out.println(shortfalls.isEmpty() ? "PASS: every mean at or above its floor for " + run
                : "FAIL: " + String.join("; ", shortfalls));
        return shortfalls.isEmpty() ? 0 : 1;
    }

    private SearchMode searchMode() {
        if (mode == null) {
            return Scope.UNITS.defaultMode();
        }
        try {
            return SearchMode.fromId(mode);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --mode '" + mode + "'; modes: bm25, semantic, hybrid");
        }
    }

    private List<Hit> precedents(SearchService search, String draft) throws IOException {
        var filters = new HashMap<String, List<String>>();
        if (kind != null) {
            filters.put("kind", List.of(kind));
        }
        if (register) {
            filters.put("status", Arrays.stream(RecommendationStatus.values()).map(RecommendationStatus::id).toList());
        }
        SimilarRequest request;
        try {
            request = new SimilarRequest(null, draft, Measure.DEPTH, filters, null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return search.similar(request).orElseThrow();
    }

    private static RankedText ranked(Hit hit) {
        return new RankedText(hit.document().source(), hit.unit().parsed().text());
    }

    private static void print(PrintWriter out, QueryScores score, List<Measure> measures) {
        for (Measure measure : measures) {
            out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", measure.id(), score.id(), score.get(measure));
        }
    }
}
