package org.tipsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tipsearch.enrich.AnnotatedReport;

/**
 * Writes reports into the index. Nothing is visible to searchers until {@link #commit()}, and a commit holds
 * whole reports only: a process killed before it leaves the index as the last commit left it.
 */
public final class ReportIndexer implements AutoCloseable {

    private static final double REBUILD_BUFFER_MB = 256;

    private final Directory directory;
    private final IndexWriter writer;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();
    private Path reportsFolder;

    private ReportIndexer(Path indexDir, IndexWriterConfig.OpenMode mode) throws IOException {
        Files.createDirectories(indexDir);
        directory = FSDirectory.open(indexDir);
        var config = new IndexWriterConfig(Schema.indexAnalyzer()).setOpenMode(mode);
        if (mode == IndexWriterConfig.OpenMode.CREATE) {
            // A rebuild writes every report at once: fewer, larger segments to flush and to merge, written as
            // they are rather than copied again into compound files.
            config.setRAMBufferSizeMB(REBUILD_BUFFER_MB).setUseCompoundFile(false);
        }
        try {
            writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Starts a fresh index; the previous one stays readable until the first commit replaces it. */
    public static ReportIndexer rebuild(Path indexDir) throws IOException {
        return new ReportIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE);
    }

    /**
     * Opens the index to add, replace and remove reports, creating it if there is none. An index of another
     * schema version is refused: its documents would not mix with new ones.
     *
     * @throws org.apache.lucene.store.LockObtainFailedException when another process is writing the index
     */
    public static ReportIndexer update(Path indexDir) throws IOException {
        Optional<String> version = schemaVersion(indexDir);
        if (version.isPresent() && !version.get().equals(Schema.VERSION)) {
            throw new IllegalStateException("the index at " + indexDir + " was built by another version of tipsearch;"
                    + " rebuild it with 'tipsearch index' first");
        }
        return new ReportIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /**
     * Adds a report with the embedding of each unit, or replaces every document of a report with the same id in one atomic step, so that a
     * searcher sees either the old report or the new one. Indexing the same report twice changes nothing.
     *
     * @param vectors one per unit; or none, for an index that is not searched by meaning (the build benchmark's)
     */
    public void index(AnnotatedReport report, List<float[]> vectors, Instant addedAt) throws IOException {
        if (!vectors.isEmpty() && vectors.size() != report.report().units().size()) {
            throw new IllegalArgumentException("report " + report.report().metadata().id() + " has "
                    + report.report().units().size() + " units but " + vectors.size() + " vectors");
        }
        writer.updateDocuments(new Term(Schema.REPORT, report.report().metadata().id()),
                Documents.of(report, vectors, addedAt, facetsConfig));
    }

    /** Removes every document of a report: its record, units and register entries. */
    public void remove(String reportId) throws IOException {
        writer.deleteDocuments(new Term(Schema.REPORT, reportId));
    }

    /** The report with the id, as written so far (committed or not). */
    public Optional<IndexedReport> byId(String reportId) throws IOException {
        return find(new Term(Schema.ID, reportId));
    }

    /** The report whose content has the fingerprint, as written so far. */
    public Optional<IndexedReport> byFingerprint(String fingerprint) throws IOException {
        return find(new Term(Schema.FINGERPRINT, fingerprint));
    }

    /** The report with the document symbol, as written so far. */
    public Optional<IndexedReport> bySymbol(String symbol) throws IOException {
        return find(new Term(Schema.SYMBOL, symbol));
    }

    private Optional<IndexedReport> find(Term term) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            var searcher = new IndexSearcher(reader);
            ScoreDoc[] docs = searcher.search(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_REPORT)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(term), BooleanClause.Occur.FILTER)
                    .build(), 1).scoreDocs;
            if (docs.length == 0) {
                return Optional.empty();
            }
            Document doc = searcher.storedFields().document(docs[0].doc);
            return Optional.of(Documents.report(doc));
        }
    }

    /** Makes everything written so far visible to searchers that reopen, and durable, in one atomic step. */
    public void commit() throws IOException {
        var data = new java.util.HashMap<String, String>(Map.of(Schema.VERSION_KEY, Schema.VERSION));
        if (reportsFolder != null) {
            data.put(Schema.REPORTS_KEY, reportsFolder.toString());
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** Notes, with each commit from now, the reports folder the index is built from. */
    public void builtFrom(Path reportsDir) {
        reportsFolder = reportsDir.toAbsolutePath().normalize();
    }

    /**
     * The reports folder the index's last commit says it was built from; empty when it says none or cannot be read
     * (a damaged commit).
     */
    public static Optional<Path> reportsFolderOf(Path indexDir) {
        try (Directory dir = FSDirectory.open(indexDir)) {
            String folder = org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.REPORTS_KEY);
            return Optional.ofNullable(folder).map(Path::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the folder holds an index written with this version of the schema. */
    public static boolean isCurrent(Path indexDir) throws IOException {
        return schemaVersion(indexDir).map(Schema.VERSION::equals).orElse(false);
    }

    /** The schema version the folder's index was written with ("none" before versions); empty without an index. */
    private static Optional<String> schemaVersion(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return Optional.of(String.valueOf(reader.getIndexCommit().getUserData().get(Schema.VERSION_KEY)));
            }
        }
    }

    /** Closes without committing: what was written since the last commit is dropped. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            directory.close();
        }
    }
}
