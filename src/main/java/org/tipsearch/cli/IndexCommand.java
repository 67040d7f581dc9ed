package org.tipsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tipsearch.index.IndexBuild;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tipsearch index}: rebuilds the index (or a cluster's collection) from the reports folder. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Rebuild the index, or with --engine a cluster's collection, from the report files, printing a "
                + "line per report and a summary.")
final class IndexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (engine.cluster()) {
            return ClusterIndexing.rebuild(locations.existingReports(), engine.collections(), out);
        }
        IndexBuild.Summary summary = build(locations.existingReports(), locations.index(), out);
        return summary.failures().isEmpty() && summary.reports() > 0 ? 0 : 1;
    }

    /** Builds the index, reporting progress on {@code out}; also used by {@code serve} on first start. */
    static IndexBuild.Summary build(Path reports, Path index, PrintWriter out) throws Exception {
        IndexBuild.Summary summary = IndexBuild.rebuild(reports, index, new IndexBuild.Progress() {
            @Override
            public void indexed(int done, int total, Report report, long millis) {
                out.printf(Locale.ROOT, "[%d/%d] %s: %s (%d ms)%n", done, total,
                        report.metadata().source(), count(report.units().size(), "unit"), millis);
            }

            @Override
            public void failed(int done, int total, Path file, String reason) {
                out.printf(Locale.ROOT, "[%d/%d] FAILED %s%n", done, total, reason);
            }
        });
        out.printf(Locale.ROOT, "Indexed %s, %s in %.2f s from %s into %s%s%n",
                count(summary.reports(), "report"), count(summary.units(), "unit"), summary.millis() / 1000.0,
                reports, index,
                summary.failures().isEmpty() ? "" : "; " + summary.failures().size() + " failed");
        if (summary.reports() == 0) {
            out.println("No report files (" + String.join(", ", ReportReader.extensions()) + ") were indexed from " + reports);
        }
        return summary;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
