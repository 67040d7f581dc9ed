package org.tipsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tipsearch.enrich.AnnotatedReport;

/** Writes reports into the index. Nothing is visible to searchers until {@link #commit()}. */
public final class ReportIndexer implements AutoCloseable {

    private final Directory directory;
    private final IndexWriter writer;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();

    private ReportIndexer(Path indexDir, IndexWriterConfig.OpenMode mode) throws IOException {
        Files.createDirectories(indexDir);
        directory = FSDirectory.open(indexDir);
        var config = new IndexWriterConfig(Schema.indexAnalyzer()).setOpenMode(mode);
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
     * Adds a report with the embedding of each unit, or replaces every document of a report with the same id in one atomic step, so that a
     * searcher sees either the old report or the new one. Indexing the same report twice changes nothing.
     */
    public void index(AnnotatedReport report, List<float[]> vectors) throws IOException {
        if (vectors.size() != report.report().paragraphs().size()) {
            throw new IllegalArgumentException("report " + report.report().metadata().id() + " has "
                    + report.report().paragraphs().size() + " units but " + vectors.size() + " vectors");
        }
        writer.updateDocuments(new Term(Schema.REPORT, report.report().metadata().id()),
                Documents.of(report, vectors, facetsConfig));
    }

    public void commit() throws IOException {
        writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, Schema.VERSION).entrySet());
        writer.commit();
    }

    /** Whether the folder holds an index written with this version of the schema. */
    public static boolean isCurrent(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return Schema.VERSION.equals(reader.getIndexCommit().getUserData().get(Schema.VERSION_KEY));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }
}
