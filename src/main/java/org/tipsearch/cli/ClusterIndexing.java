package org.tipsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.index.ReportPipeline;
import org.tipsearch.ingest.InvalidReportException;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportIds;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.solr.SolrCollections;

/**
 * {@code index --engine}: the reports folder read, enriched and embedded as for the embedded index, then written into a new
 * collection of the cluster, which the alias names once it holds every unit. A report that cannot be read is
 * named and the collection is not swapped in, so the cluster never serves fewer reports than the folder holds.
 */
final class ClusterIndexing {

    private ClusterIndexing() {}

    /**
     * {@code ingest --engine}: each file's report added to the cluster's collection, or replacing the report of
     * the same id there; a file that cannot be read fails alone. The reports folder is not written.
     */
    static int ingest(List<Path> files, SolrCollections collections, PrintWriter out) throws Exception {
        var reader = new ReportReader();
        var pipeline = new ReportPipeline();
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            String line;
            try {
                Report report = reader.read(files.get(i));
                AnnotatedReport annotated = pipeline.annotate(report);
                long before = collections.replace(annotated, pipeline.vectors(report));
                line = String.format(Locale.ROOT, "%s: %s %s, %d units", report.metadata().source(),
                        before == 0 ? "added" : "replaced", report.metadata().id(), report.units().size())
                        + (report.account() == null ? "" : "; " + IngestCommand.account(report.account()));
            } catch (InvalidReportException e) {
                failed++;
                line = "FAILED " + e.getMessage();
            }
            out.printf(Locale.ROOT, "[%d/%d] %s%n", i + 1, files.size(), line);
        }
        out.printf(Locale.ROOT, "Ingested %d files into the cluster's collection %s: %d failed%n", files.size(),
                collections.current().orElse("(none)"), failed);
        return failed == 0 ? 0 : 1;
    }

    /** {@code remove --engine}: the report's units deleted from the cluster's collection; 1 if it holds none. */
    static int remove(String reportId, SolrCollections collections, PrintWriter out, PrintWriter err) throws Exception {
        long removed = collections.remove(reportId);
        if (removed == 0) {
            err.println("tipsearch: no report with id '" + reportId + "' in the cluster's collection "
                    + collections.current().orElse("(none)"));
            return 1;
        }
        out.printf(Locale.ROOT, "Removed %s (%d units) from the cluster's collection %s; the reports folder is "
                + "unchanged%n", reportId, removed, collections.current().orElse("(none)"));
        return 0;
    }

    static int rebuild(Path reports, SolrCollections collections, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        var reader = new ReportReader();
        var pipeline = new ReportPipeline();
        var annotated = new ArrayList<AnnotatedReport>();
        var failures = new ArrayList<String>();
        var ids = new ReportIds();
        var files = ReportReader.reportFiles(reports);
        for (int i = 0; i < files.size(); i++) {
            try {
                Report report = reader.read(files.get(i));
                ids.claim(report);
                annotated.add(pipeline.annotate(report));
            } catch (InvalidReportException e) {
                failures.add(e.getMessage());
                out.printf(Locale.ROOT, "[%d/%d] FAILED %s%n", i + 1, files.size(), e.getMessage());
            }
        }
        if (!failures.isEmpty() || annotated.isEmpty()) {
            out.printf(Locale.ROOT, "Not indexed: %s; the cluster's alias is unchanged%n", annotated.isEmpty()
                    ? "no report files were read from " + reports : failures.size() + " report files failed");
            return 1;
        }
        SolrCollections.Rebuilt rebuilt = collections.rebuild(annotated, a -> pipeline.vectors(a.report()),
                (done, total, report, units) ->
                out.printf(Locale.ROOT, "[%d/%d] %s: %d units%n", done, total, report.report().metadata().source(),
                        units));
        out.printf(Locale.ROOT, "Indexed %d reports, %d units in %.2f s from %s into collection %s%s%n",
                annotated.size(), rebuilt.units(), (System.nanoTime() - start) / 1e9, reports, rebuilt.collection(),
                rebuilt.replaced() == null ? "" : " (replacing " + rebuilt.replaced() + ")");
        return 0;
    }
}
