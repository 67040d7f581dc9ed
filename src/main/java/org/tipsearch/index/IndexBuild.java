package org.tipsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tipsearch.ingest.InvalidReportException;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportIds;
import org.tipsearch.ingest.ReportReader;

/** Builds the index afresh from a folder of report files: read, enrich, embed, index, commit once. */
public final class IndexBuild {

    /** Told about each report as it is done. */
    public interface Progress {
        void indexed(int done, int total, Report report, long millis);

        void failed(int done, int total, Path file, String reason);

        /** Tells nothing: the caller reports the build's summary. */
        Progress QUIET = new Progress() {
            @Override
            public void indexed(int done, int total, Report report, long millis) {}

            @Override
            public void failed(int done, int total, Path file, String reason) {}
        };
    }

    /** What a build did. */
    public record Summary(int reports, int units, List<String> failures, long millis) {
        public Summary {
            failures = List.copyOf(failures);
        }
    }

    private IndexBuild() {}

    public static Summary rebuild(Path reportsDir, Path indexDir, Progress progress) throws IOException {
        long start = System.nanoTime();
        List<Path> files = ReportReader.reportFiles(reportsDir);
        var reader = new ReportReader();
        var pipeline = new ReportPipeline();
        Instant addedAt = Instant.now();
        var failures = new ArrayList<String>();
        var ids = new ReportIds();
        int reports = 0;
        int units = 0;
        try (var indexer = ReportIndexer.rebuild(indexDir)) {
            for (int i = 0; i < files.size(); i++) {
                long t0 = System.nanoTime();
                try {
                    Report report = reader.read(files.get(i));
                    ids.claim(report);
                    pipeline.write(indexer, report, addedAt);
                    reports++;
                    units += report.units().size();
                    progress.indexed(i + 1, files.size(), report, (System.nanoTime() - t0) / 1_000_000);
                } catch (InvalidReportException e) {
                    failures.add(e.getMessage());
                    progress.failed(i + 1, files.size(), files.get(i), e.getMessage());
                }
            }
            indexer.builtFrom(reportsDir);
            indexer.commit();
        }
        return new Summary(reports, units, failures, (System.nanoTime() - start) / 1_000_000);
    }
}
