package org.tipsearch.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;
import org.tipsearch.index.Schema;
import org.tipsearch.search.ReportContents;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.Hit;
import org.tipsearch.search.IndexHealth;
import org.tipsearch.search.UnitInContext;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.SearchEngine;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.SimilarRequest;
import org.tipsearch.search.Suggestion;
import org.tipsearch.search.lucene.PageSearch.Refinement;
import org.tipsearch.search.lucene.PageSearch.Slice;

/**
 * The embedded engine: one Lucene index in a folder, searched in this process. It owns the directory and its
 * searchers, opens and closes them and gives each search its budget; its parts search: {@link PageSearch} a scope,
 * {@link SimilarUnits} the precedents of a unit or a draft, {@link ReportBrowser} units and reports by id,
 * {@link SuggestionsCache} completions, each reading its hits with {@link PageOfHits}. Thread-safe.
 */
public final class LuceneEngine implements SearchEngine {

    /** The cores a large index is searched and its pages read on. */
    static final int CORES = Runtime.getRuntime().availableProcessors();

    private final Directory directory;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();
    private final Analyzer queryAnalyzer = Schema.queryAnalyzer();
    private final PageOfHits pageOfHits = new PageOfHits(Schema.indexAnalyzer());
    private final SuggestionsCache suggestions = new SuggestionsCache();
    private final Embeddings embeddings = new Embeddings();
    private final TopicBridge topicBridge = new TopicBridge(embeddings);
    private final PageSearch pageSearch = new PageSearch(facetsConfig, queryAnalyzer, embeddings, topicBridge);
    private final ReportBrowser browser = new ReportBrowser(pageOfHits);
    /**
     * Searches a large index's slices of segments on every core, and reads its pages of hits in parts: a broad
     * query over a million units scores and counts half a million of them. A small index is one slice, searched
     * and read by the caller alone.
     */
    private final ExecutorService segments = Executors.newFixedThreadPool(
            CORES, Thread.ofPlatform().name("search-", 0).daemon().factory());
    /** How long a search may take; null for no limit. */
    private final Duration queryBudget;
    private final SimilarUnits similarUnits;

    private LuceneEngine(Directory directory, Duration queryBudget, int sliceDocs) throws IOException {
        if (queryBudget != null) { // a server: the model loads while the index opens and the server starts
            embeddings.loadInBackground(topicBridge::warm);
        }
        this.directory = directory;
        try {
            this.searchers = new SearcherManager(DirectoryReader.open(directory),
                    ReportSearcher.factory(facetsConfig, segments, sliceDocs));
        } catch (IOException | RuntimeException e) {
            segments.shutdown();
            throw e;
        }
        this.queryBudget = queryBudget;
        this.similarUnits = new SimilarUnits(facetsConfig, queryAnalyzer, embeddings, pageOfHits, queryBudget);
    }

    /**
     * Opens the index in a folder; it must exist (see {@code ReportIndexer.isCurrent}).
     *
     * @param queryBudget how long a search may take (a server's), the model then loading in the background at
     *                    once; null for searches that run to their end (the command line's)
     */
    public static LuceneEngine open(Path indexDir, Duration queryBudget) throws IOException {
        return open(indexDir, queryBudget, ReportSearcher.SLICE_DOCS);
    }

    /**
     * As {@link #open(Path, Duration)}, each search cut in slices of at most {@code sliceDocs} documents: a test
     * searches a small index as a large one is searched, on every core.
     */
    public static LuceneEngine open(Path indexDir, Duration queryBudget, int sliceDocs) throws IOException {
        Directory directory = FSDirectory.open(indexDir);
        try {
            return new LuceneEngine(directory, queryBudget, sliceDocs);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    @Override
    public SearchResults<Hit> units(SearchRequest request) throws IOException {
        // A hit found by meaning alone shows its sentence closest to the query, which costs embedding its sentences.
        boolean byMeaning = request.mode() != SearchMode.BM25 && !request.query().isEmpty();
        return run(request, Slice.pageOf(request), pageOfHits::hits,
                (hits, deadline) -> byMeaning ? BestPassages.apply(hits, request.query(), embeddings, deadline) : hits);
    }

    @Override
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        return run(request, Slice.pageOf(request), pageOfHits::recommendationHits, Refinement.none());
    }

    @Override
    public SearchResults<Hit> allUnits(SearchRequest request) throws IOException {
        return run(request, Slice.EXPORT, pageOfHits::hits, Refinement.none());
    }

    @Override
    public SearchResults<RecommendationHit> allRecommendations(SearchRequest request) throws IOException {
        return run(request, Slice.EXPORT, pageOfHits::recommendationHits, Refinement.none());
    }

    /** A search of a view of the index, its budget starting now. */
    private <H> SearchResults<H> run(SearchRequest request, Slice slice, HitReader<H> reader,
            Refinement<H> refinement) throws IOException {
        return withView(view -> pageSearch.search(request, slice, new Deadline(queryBudget), reader, refinement, view));
    }

    @Override
    public Optional<List<Hit>> similar(SimilarRequest request) throws IOException {
        return withView(view -> similarUnits.find(request, view));
    }

    @Override
    public Optional<UnitInContext> unit(String id) throws IOException {
        return withView(view -> browser.paragraph(view, id));
    }

    @Override
    public List<ReportSummary> reports() throws IOException {
        return withView(browser::documents);
    }

    @Override
    public Optional<ReportContents> report(String reportId) throws IOException {
        return withView(view -> browser.document(view, reportId));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int size) throws IOException {
        return withView(view -> suggestions.of(view).lookup(prefix, size));
    }

    @Override
    public IndexHealth health() throws IOException {
        return withView(view -> new IndexHealth(view.unitTotal(), view.reports().size()));
    }

    @Override
    public long version() throws IOException {
        return withView(view -> ((DirectoryReader) view.getIndexReader()).getVersion());
    }

    /**
     * Searches that arrive from now see the index's last commit; searches under way finish on the view they
     * started with, so none of them waits for more than the reopening.
     */
    @Override
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Returns once the embedding model is loaded. A server listens only then: searches by meaning that arrived
     * while it loaded would all start at once when it is ready, share the cores, and pass their budgets together.
     */
    @Override
    public void awaitModel() throws InterruptedException {
        embeddings.awaitLoading();
    }

    @Override
    public void clearEmbeddingCaches() {
        embeddings.clear();
    }

    /** What a view of the index answers, the view released after. */
    private <T> T withView(IOFunction<ReportSearcher, T> read) throws IOException {
        ReportSearcher view = (ReportSearcher) searchers.acquire();
        try {
            return read.apply(view);
        } finally {
            searchers.release(view);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            embeddings.awaitLoading();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (directory; searchers; segments) {
            suggestions.close();
        }
    }
}
