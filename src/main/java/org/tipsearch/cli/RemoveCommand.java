package org.tipsearch.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.ReportLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipsearch remove REPORT-ID}: takes a report and all its units out of the index, at once. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a report, with all its units and register entries, from the index, and its file from the reports folder.")
final class RemoveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Mixin
    private EngineOptions engine;

    @Parameters(paramLabel = "REPORT-ID", description = "The report's id, as GET /api/documents lists it.")
    private String reportId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (engine.cluster()) {
            return ClusterIndexing.remove(reportId, engine.collections(), out, spec.commandLine().getErr());
        }
        IndexRepair.verify(locations.index(), locations.reports(), out);
        Optional<IndexedReport> removed = new ReportLibrary(locations.index(), locations.reports()).remove(reportId);
        if (removed.isEmpty()) {
            spec.commandLine().getErr().println("tipsearch: no report with id '" + reportId + "' in " + locations.index());
            return 1;
        }
        out.println("Removed " + reportId + " (read from " + removed.get().metadata().source() + ") from " + locations.index()
                + " and its file from " + locations.reports());
        return 0;
    }
}
