package org.tipsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.Enricher;
import org.tipsearch.enrich.FacetEvaluation;
import org.tipsearch.enrich.FacetLabels;
import org.tipsearch.ingest.ReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code tipsearch eval-facets LABELS}: scores the topic and speaker-type annotations against hand labels. */
@Command(name = "eval-facets", mixinStandardHelpOptions = true,
        description = "Score the topic and speaker-type facets against hand labels; exit 1 below the floors.")
final class EvalFacetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "LABELS", description = "Labels file, e.g. src/test/resources/eval/dev-labels.json.")
    private Path labelsFile;

    @Option(names = "--min-speaker", defaultValue = "0.90", description = "Floor for the share of speaker labels met. Default: ${DEFAULT-VALUE}.")
    private double minSpeaker;

    @Option(names = "--min-must", defaultValue = "0.90", description = "Floor for the share of required topics present. Default: ${DEFAULT-VALUE}.")
    private double minMust;

    @Option(names = "--max-must-not", defaultValue = "0.05", description = "Ceiling for the share of forbidden topics present. Default: ${DEFAULT-VALUE}.")
    private double maxMustNot;

    @Override
    public Integer call() throws Exception {
        FacetLabels labels = InputFiles.read(spec.commandLine(), labelsFile, FacetLabels::read, "labels");
        var reader = new ReportReader();
        var enricher = new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames());
        Map<String, AnnotatedReport> reports = new HashMap<>();
        for (Path file : ReportReader.reportFiles(locations.existingReports())) {
            reports.put(file.getFileName().toString(), enricher.annotate(reader.read(file)));
        }
        FacetEvaluation.Scores scores = FacetEvaluation.score(labels, reports);
        PrintWriter out = spec.commandLine().getOut();
        scores.speakerOutcomes().stream().filter(o -> !o.passed()).forEach(o ->
                out.printf(Locale.ROOT, "speaker  MISS %s \"%s\": %s%n", o.doc(), o.match(), o.found() ? o.detail() : "no unit holds this phrase"));
        scores.topicOutcomes().stream().filter(o -> !o.passed()).forEach(o ->
                out.printf(Locale.ROOT, "topics   MISS %s \"%s\": %s%n", o.doc(), o.match(), o.found() ? o.detail() : "no unit holds this phrase"));
        boolean ok = scores.speakerAccuracy() >= minSpeaker && scores.topicMustRecall() >= minMust
                && scores.topicMustNotRate() <= maxMustNot;
        out.printf(Locale.ROOT, "speakerType  accuracy       %.3f  (%d labels, floor %.2f)%n",
                scores.speakerAccuracy(), scores.speakerOutcomes().size(), minSpeaker);
        out.printf(Locale.ROOT, "topic        must recall    %.3f  (%d labels, floor %.2f)%n",
                scores.topicMustRecall(), scores.topicOutcomes().size(), minMust);
        out.printf(Locale.ROOT, "topic        mustNot rate   %.3f  (ceiling %.2f)%n", scores.topicMustNotRate(), maxMustNot);
        out.println(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }
}
