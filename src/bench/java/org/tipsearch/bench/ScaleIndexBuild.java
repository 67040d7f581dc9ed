package org.tipsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.AnnotatedReport;
import org.tipsearch.enrich.Enricher;
import org.tipsearch.index.ReportIndexer;
import org.tipsearch.index.ReportPipeline;
import org.tipsearch.ingest.InvalidReportException;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.solr.SolrCollections;

/**
 * Builds an index of a {@link ScaleCorpus} in batches: each batch is generated and enriched, then indexed, by all
 * threads in turn, so that the indexing time is tipsearch's alone and not shared with the making of the corpus.
 */
public final class ScaleIndexBuild {

    /** Units generated and enriched before they are indexed: enough to keep every thread busy, little memory. */
    private static final int BATCH_UNITS = 20_000;

    /**
     * What a build did.
     *
     * @param indexNanos time spent indexing batches (documents, analysis, Lucene), the final commit not included
     */
    public record Summary(long units, int reports, long textBytes, int threads, long prepareNanos,
            long indexNanos, long commitNanos, long sizeBytes, int segments) {
        Summary withSize(long bytes, int count) {
            return new Summary(units, reports, textBytes, threads, prepareNanos, indexNanos, commitNanos, bytes, count);
        }
    }

    private ScaleIndexBuild() {}

    /** Where the corpus goes: the embedded index, or a cluster's new collection. */
    private interface Sink {
        /** Adds a report; called from several threads at once. */
        void add(AnnotatedReport report, List<float[]> vectors, Instant addedAt) throws IOException;

        void commit() throws IOException;
    }

    /**
     * @param modelsDir the real reports to model the corpus on
     * @param units     how many units the corpus holds
     */
    public static Summary run(Path modelsDir, Path indexDir, long units, long seed, boolean withVectors, int threads)
            throws IOException, InterruptedException {
        Summary built;
        try (var indexer = ReportIndexer.rebuild(indexDir)) {
            built = build(modelsDir, units, seed, withVectors, threads, new Sink() {
                @Override
                public void add(AnnotatedReport report, List<float[]> vectors, Instant addedAt) throws IOException {
                    indexer.index(report, vectors, addedAt);
                }

                @Override
                public void commit() throws IOException {
                    indexer.commit();
                }
            });
        }
        return built.withSize(sizeOf(indexDir), segments(indexDir));
    }

    /**
     * The same corpus written into a new collection of a cluster, which the collections' alias names once it holds
     * every document; its size on disk is not measured (-1).
     */
    public static Summary run(Path modelsDir, SolrCollections collections, long units, long seed, boolean withVectors,
            int threads) throws IOException, InterruptedException {
        try (SolrCollections.Rebuild rebuild = collections.startRebuild()) {
            return build(modelsDir, units, seed, withVectors, threads, new Sink() {
                @Override
                public void add(AnnotatedReport report, List<float[]> vectors, Instant addedAt) throws IOException {
                    rebuild.add(report, vectors);
                }

                @Override
                public void commit() throws IOException {
                    rebuild.finish();
                }
            });
        }
    }

    private static Summary build(Path modelsDir, long units, long seed, boolean withVectors, int threads, Sink sink)
            throws IOException, InterruptedException {
        var corpus = new ScaleCorpus(models(modelsDir, withVectors), seed);
        // One enricher a thread: an enricher is not made to be shared.
        var enrichers = ThreadLocal.withInitial(() -> new Enricher(TextAnalyzer.forRules(), TextAnalyzer.forNames()));
        Instant addedAt = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long textBytes = 0;
        long prepareNanos = 0;
        long indexNanos = 0;
        long commitNanos;
        int reports = 0;
        try {
            long left = units;
            while (left > 0) {
                var batch = new ArrayList<ScaleCorpus.SyntheticReport>();
                for (int size = 0; size < BATCH_UNITS && left > 0; reports++) {
                    ScaleCorpus.SyntheticReport report = corpus.report(reports, (int) Math.min(left, Integer.MAX_VALUE));
                    int count = report.report().units().size();
                    size += count;
                    left -= count;
                    batch.add(report);
                    for (Unit unit : report.report().units()) {
                        textBytes += unit.text().getBytes(StandardCharsets.UTF_8).length;
                    }
                }
                long t0 = System.nanoTime();
                List<AnnotatedReport> annotated = all(pool, batch.stream()
                        .map(r -> (Callable<AnnotatedReport>) () -> enrichers.get().annotate(r.report())).toList());
                long t1 = System.nanoTime();
                var indexing = new ArrayList<Callable<AnnotatedReport>>();
                for (int i = 0; i < batch.size(); i++) {
                    AnnotatedReport report = annotated.get(i);
                    List<float[]> vectors = batch.get(i).vectors();
                    indexing.add(() -> {
                        sink.add(report, vectors, addedAt);
                        return report;
                    });
                }
                all(pool, indexing);
                prepareNanos += t1 - t0;
                indexNanos += System.nanoTime() - t1;
            }
            long c0 = System.nanoTime();
            sink.commit();
            commitNanos = System.nanoTime() - c0;
        } finally {
            pool.shutdownNow();
        }
        return new Summary(units, reports, textBytes, threads, prepareNanos, indexNanos, commitNanos, -1, -1);
    }

    /** The real reports, with their units' vectors when the corpus is to have vectors. */
    private static List<ScaleCorpus.Model> models(Path modelsDir, boolean withVectors) throws IOException {
        var pipeline = withVectors ? new ReportPipeline() : null;
        var reader = new ReportReader();
        var models = new ArrayList<ScaleCorpus.Model>();
        for (Path file : ReportReader.reportFiles(modelsDir)) {
            try {
                Report report = reader.read(file);
                models.add(new ScaleCorpus.Model(report, withVectors ? pipeline.vectors(report) : List.of()));
            } catch (InvalidReportException e) {
                throw new IOException("a model report cannot be read: " + e.getMessage(), e);
            }
        }
        return models;
    }

    /** Runs the tasks on the pool and returns their results in order; the first failure fails them all. */
    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws IOException, InterruptedException {
        var results = new ArrayList<T>(tasks.size());
        for (Future<T> done : pool.invokeAll(tasks)) {
            try {
                results.add(done.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
            }
        }
        return results;
    }
    /** The bytes of every file of the index. */
    private static long sizeOf(Path indexDir) throws IOException {
        try (Stream<Path> files = Files.list(indexDir)) {
            long size = 0;
            for (Path file : files.toList()) {
                size += Files.size(file);
            }
            return size;
        }
    }

    private static int segments(Path indexDir) throws IOException {
        try (var dir = FSDirectory.open(indexDir); var reader = DirectoryReader.open(dir)) {
            return reader.leaves().size();
        }
    }
}
