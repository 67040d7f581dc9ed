package org.tipsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.store.LockObtainFailedException;
import org.tipsearch.ingest.InvalidReportException;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportFolder;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.ingest.TextAccount;

/**
 * The reports of an index as a curator changes them while people search. Reports are added, replaced or
 * removed one at a time and each is committed whole: a searcher that reopens sees a report as it was or as it
 * is, never half of it, and a process stopped mid-way (even killed) leaves every report committed before.
 * Changes are made one after another; searches never wait for them.
 */
public final class ReportLibrary {

    /** What ingesting a file did. */
    public enum Change { ADDED, REPLACED, UNCHANGED, FAILED }

    /**
     * What became of one file.
     *
     * @param source   the file name
     * @param reportId the report it added, replaced or matched; null when it failed
     * @param units    how many units the report has; 0 when it failed
     * @param reason   why it failed; null otherwise
     */
    /** @param account where the text of the report that went in went; null when it failed or was unchanged */
    public record Outcome(String source, Change change, String reportId, int units, String reason, TextAccount account) {
        public Outcome {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(change, "change");
        }
    }

    /** A report file to ingest: on disk (with its sidecar, if any) or uploaded. */
    public sealed interface Source permits FileSource, Upload {
        String name();
    }

    public record FileSource(Path file) implements Source {
        @Override
        public String name() {
            return file.getFileName().toString();
        }
    }

    public record Upload(String name, byte[] content) implements Source {
        public Upload {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Path indexDir;
    private final ReportFolder folder;
    private final Path reportsDir;
    private final ReportReader reader = new ReportReader();
    private ReportPipeline pipeline;

    /**
     * @param indexDir   the index
     * @param reportsDir the folder the index is built from, where the originals of ingested reports are kept
     */
    public ReportLibrary(Path indexDir, Path reportsDir) {
        this.indexDir = indexDir;
        this.reportsDir = reportsDir;
        this.folder = new ReportFolder(reportsDir);
    }

    /**
     * Ingests the files in order: each is read, then skipped if the index holds the same content, else added —
     * replacing the report with the same document symbol or, failing that, the same id — and committed. A file
     * that cannot be read fails alone; the others still go in.
     *
     * @param afterEach told of each file's outcome once it is committed (or failed)
     * @throws IndexBusyException when another process is changing the index
     */
    public synchronized List<Outcome> ingest(List<? extends Source> sources, Consumer<Outcome> afterEach) throws IOException {
        var outcomes = new ArrayList<Outcome>();
        try (ReportIndexer indexer = open()) {
            for (Source source : sources) {
                Outcome outcome = ingest(indexer, source);
                outcomes.add(outcome);
                afterEach.accept(outcome);
            }
        }
        return outcomes;
    }

    private Outcome ingest(ReportIndexer indexer, Source source) throws IOException {
        Report report;
        byte[] content;
        try {
            content = switch (source) {
                case FileSource file -> ReportReader.bytes(file.file());
                case Upload upload -> upload.content();
            };
            report = switch (source) {
                case FileSource file -> reader.read(file.file(), content);
                case Upload upload -> reader.read(content, upload.name());
            };
        } catch (InvalidReportException e) {
            return new Outcome(source.name(), Change.FAILED, null, 0, e.getMessage(), null);
        }
        Optional<IndexedReport> same = indexer.byFingerprint(ReportFingerprint.of(report));
        if (same.isPresent()) {
            return new Outcome(source.name(), Change.UNCHANGED, same.get().id(), report.units().size(), null, null);
        }
        String symbol = report.metadata().symbol();
        Optional<IndexedReport> earlier = symbol == null ? Optional.empty() : indexer.bySymbol(symbol);
        if (earlier.isPresent()) { // a corrected version keeps the id, and so the links, of the one it replaces
            report = report.withId(earlier.get().id());
        } else {
            earlier = indexer.byId(report.metadata().id());
        }
        // the original first: a crash after it leaves a report the next rebuild adds, never one it loses
        folder.keep(source.name(), content, report.metadata().id(), source instanceof FileSource file ? file.file() : null);
        pipeline().write(indexer, report, Instant.now());
        indexer.commit();
        if (earlier.isPresent()) {
            folder.forgetReplaced(earlier.get().metadata().source(), source.name(), report.metadata().id());
        }
        return new Outcome(source.name(), earlier.isPresent() ? Change.REPLACED : Change.ADDED, report.metadata().id(),
                report.units().size(), null, report.account());
    }

    /**
     * Removes a report and everything of it, committed at once.
     *
     * @return the report removed, or empty when the index holds no report with the id
     * @throws IndexBusyException when another process is changing the index
     */
    public synchronized Optional<IndexedReport> remove(String reportId) throws IOException {
        try (ReportIndexer indexer = open()) {
            Optional<IndexedReport> report = indexer.byId(reportId);
            if (report.isPresent()) {
                indexer.remove(reportId);
                indexer.commit();
                folder.forget(report.get().metadata().source(), reportId);
            }
            return report;
        }
    }

    private ReportIndexer open() throws IOException {
        try {
            ReportIndexer indexer = ReportIndexer.update(indexDir);
            indexer.builtFrom(reportsDir);
            return indexer;
        } catch (LockObtainFailedException e) {
            throw new IndexBusyException("the index at " + indexDir + " is being changed by another process "
                    + "(a running server or another ingest); try again when it is done", e);
        }
    }

    /** The embedding model loads on the first report written, not when a server that may never ingest starts. */
    private ReportPipeline pipeline() {
        if (pipeline == null) {
            pipeline = new ReportPipeline();
        }
        return pipeline;
    }

    /** Another process holds the index's write lock. */
    public static final class IndexBusyException extends IOException {
        private static final long serialVersionUID = 1L;

        IndexBusyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
