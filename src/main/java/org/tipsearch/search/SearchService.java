package org.tipsearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOSupplier;
import org.tipsearch.index.Schema;
import org.tipsearch.search.PageSearch.Refinement;
import org.tipsearch.search.PageSearch.Slice;

/**
 * Answers searches and look-ups over one index. Thread-safe; owns the directory and its searchers. It opens and
 * closes the index, gives each search its turn (see {@link SearchTurns}) and its budget, and answers a page asked
 * again from the {@link PageCache}; its parts search: {@link PageSearch} a scope, {@link SimilarUnits} the
 * precedents of a unit or a draft, {@link DocumentBrowser} units and reports by id, {@link SuggestionsCache}
 * completions, each reading its hits with {@link PageOfHits}.
 */
public final class SearchService implements AutoCloseable {

    /** The cores a large index is searched and its pages read on. */
    static final int CORES = Runtime.getRuntime().availableProcessors();
    /**
     * How many searches a server runs at once (see {@link SearchTurns}): two a core, so that a core a search leaves
     * while it waits for memory or the disk has another to run, and no more, which would only share the cores
     * thinner.
     */
    private static final int SEARCHES_AT_ONCE = 2 * CORES;
    /** How long a search waits for its turn before the server says it is busy: a user waiting longer has gone. */
    private static final Duration TURN_PATIENCE = Duration.ofSeconds(10);

    private final Directory directory;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();
    private final Analyzer queryAnalyzer = Schema.queryAnalyzer();
    private final PageOfHits pageOfHits = new PageOfHits(Schema.indexAnalyzer());
    private final SuggestionsCache suggestions = new SuggestionsCache();
    private final Embeddings embeddings = new Embeddings();
    private final TopicBridge topicBridge = new TopicBridge(embeddings);
    private final PageSearch pageSearch = new PageSearch(facetsConfig, queryAnalyzer, embeddings, topicBridge);
    private final DocumentBrowser browser = new DocumentBrowser(pageOfHits);
    /**
     * Searches a large index's slices of segments on every core, and reads its pages of hits in parts: a broad
     * query over a million units scores and counts half a million of them. A small index is one slice, searched
     * and read by the caller alone.
     */
    private final ExecutorService segments = Executors.newFixedThreadPool(
            CORES, Thread.ofPlatform().name("search-", 0).daemon().factory());
    /** How long a search may take; null for no limit. */
    private final Duration queryBudget;
    private final SearchTurns turns;
    private final PageCache pageCache;
    private final SimilarUnits similarUnits;

    private SearchService(Directory directory, Duration queryBudget, SearchTurns turns, PageCache pageCache,
            int sliceDocs) throws IOException {
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
        this.turns = turns;
        this.pageCache = pageCache;
        this.similarUnits = new SimilarUnits(queryAnalyzer, embeddings, pageOfHits, queryBudget);
    }

    /**
     * Makes searches that arrive from now see the index's last commit; searches under way, or waiting for their
     * turn, finish on the view they arrived with, so none of them waits for more than the reopening.
     */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Opens the index in a folder; it must exist (see {@code ReportIndexer.isCurrent}). Its searches run to their
     * end, as the command line wants them: one search at a time, and a benchmark or an evaluation must not
     * measure cut-short answers.
     */
    public static SearchService open(Path indexDir) throws IOException {
        return openInSlices(indexDir, ReportSearcher.SLICE_DOCS);
    }

    /**
     * As {@link #open(Path)}, each search cut in slices of at most {@code sliceDocs} documents: a test searches a
     * small index as a large one is searched, on every core.
     */
    static SearchService openInSlices(Path indexDir, int sliceDocs) throws IOException {
        return openWith(indexDir, null, SearchTurns.unlimited(), new PageCache(0, 0), sliceDocs);
    }

    /**
     * Opens the index in a folder for a server: each search stops when it has taken the query budget. One that
     * has found something by then answers it as {@link SearchResults#partial() partial}; one that has not, and an
     * export or a similar list that is not whole, throws {@link BudgetExceededException}. The embedding model
     * starts loading now, in the background, rather than on the first query that needs it (see {@link #awaitModel}).
     *
     * @param cachedPages how many pages of results answered lately are kept, to be answered again while the index
     *                    does not change; they hold at most this many times {@link SearchRequest#DEFAULT_SIZE} hits
     *                    in all (about 2 KB each). 0 keeps none.
     */
    public static SearchService open(Path indexDir, Duration queryBudget, int cachedPages) throws IOException {
        Objects.requireNonNull(queryBudget, "queryBudget");
        if (queryBudget.isZero() || queryBudget.isNegative()) {
            throw new IllegalArgumentException("the query budget must be positive, not " + queryBudget);
        }
        return openWith(indexDir, queryBudget, new SearchTurns(SEARCHES_AT_ONCE, TURN_PATIENCE),
                new PageCache(cachedPages, cachedPages * SearchRequest.DEFAULT_SIZE), ReportSearcher.SLICE_DOCS);
    }

    private static SearchService openWith(Path indexDir, Duration queryBudget, SearchTurns turns, PageCache pageCache,
            int sliceDocs) throws IOException {
        Directory directory = FSDirectory.open(indexDir);
        try {
            return new SearchService(directory, queryBudget, turns, pageCache, sliceDocs);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Paragraphs matching a search of the {@link Scope#PARAGRAPHS} scope. */
    public SearchResults<Hit> search(SearchRequest request) throws IOException {
        requireScope(request, Scope.PARAGRAPHS);
        // A hit found by meaning alone shows its sentence closest to the query, which costs embedding its sentences.
        boolean byMeaning = request.mode() != SearchMode.BM25 && !request.query().isEmpty();
        return run(request, Slice.pageOf(request), pageOfHits::hits,
                (hits, deadline) -> byMeaning ? BestPassages.apply(hits, request.query(), embeddings, deadline) : hits);
    }

    /** Entries of the recommendations register matching a search of the {@link Scope#RECOMMENDATIONS} scope. */
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        requireScope(request, Scope.RECOMMENDATIONS);
        return run(request, Slice.pageOf(request), pageOfHits::recommendationHits, Refinement.none());
    }

    /**
     * Every paragraph of a search, up to {@link SearchRequest#MAX_WINDOW}, in the order its pages show them and
     * without highlighting (a hit's highlight is its escaped text): what an export writes. Page and size of the
     * request are ignored. An export is whole: one that cannot finish within the budget throws
     * {@link BudgetExceededException}, as a file that looks complete and is not would mislead whoever reads it.
     */
    public SearchResults<Hit> exportParagraphs(SearchRequest request) throws IOException {
        requireScope(request, Scope.PARAGRAPHS);
        return whole(run(request, Slice.EXPORT, pageOfHits::hits, Refinement.none()));
    }

    /** Every entry of a register search, as {@link #exportParagraphs} does for paragraphs. */
    public SearchResults<RecommendationHit> exportRecommendations(SearchRequest request) throws IOException {
        requireScope(request, Scope.RECOMMENDATIONS);
        return whole(run(request, Slice.EXPORT, pageOfHits::recommendationHits, Refinement.none()));
    }

    /**
     * Returns once the embedding model is loaded. A server listens only then: searches by meaning that arrived
     * while it loaded would all start at once when it is ready, share the cores, and pass their budgets together.
     */
    public void awaitModel() throws InterruptedException {
        embeddings.awaitLoading();
    }

    private <H> SearchResults<H> whole(SearchResults<H> results) {
        if (results.partial()) {
            throw new BudgetExceededException(queryBudget);
        }
        return results;
    }

    /**
     * A page through the page cache (see {@link PageCache#answer}), or an export searched anew; a search in its
     * turn (see {@link SearchTurns}), its budget starting then.
     */
    private <H> SearchResults<H> run(SearchRequest request, Slice slice, HitReader<H> reader,
            Refinement<H> refinement) throws IOException {
        long arrival = System.nanoTime();
        ReportSearcher view = acquire();
        try {
            IOSupplier<SearchResults<H>> search = () -> turns.take(
                    () -> pageSearch.search(request, slice, new Deadline(queryBudget), reader, refinement, view));
            if (!slice.highlighted()) { // an export: not kept
                return answeredAgain(search.get(), arrival);
            }
            long indexVersion = ((DirectoryReader) view.getIndexReader()).getVersion();
            return answeredAgain(pageCache.answer(indexVersion, request, search::get), arrival);
        } finally {
            searchers.release(view);
        }
    }

    /**
     * A page as this request gets it, with the time this answer took since the request arrived: its own search's
     * and its wait for a turn, or one from the cache or another request's search. The cache holds a scope's pages
     * under their requests.
     */
    @SuppressWarnings("unchecked")
    private static <H> SearchResults<H> answeredAgain(SearchResults<?> page, long arrivalNanos) {
        return new SearchResults<>(page.request(), page.total(), (System.nanoTime() - arrivalNanos) / 1_000_000,
                page.notice(), page.partial(), (List<H>) page.hits(), page.facets(), page.wordMatches());
    }

    /**
     * The units closest to a paragraph (in other reports, or other sessions) or to a text: nearest neighbours of
     * its embedding, fused with MoreLikeThis on its words. Empty when the paragraph does not exist.
     */
    public Optional<List<Hit>> similar(SimilarRequest request) throws IOException {
        ReportSearcher view = acquire();
        try {
            return turns.take(() -> similarUnits.find(request, view));
        } finally {
            searchers.release(view);
        }
    }

    /** Forgets the cached embeddings of queries and of hits' sentences, so that a benchmark measures a new search. */
    public void clearEmbeddingCaches() {
        embeddings.clear();
    }

    private static void requireScope(SearchRequest request, Scope scope) {
        if (request.scope() != scope) {
            throw new IllegalArgumentException("a " + request.scope() + " request asked of the " + scope + " search");
        }
    }

    /** A unit by its global id, with its neighbours. */
    public Optional<ParagraphInContext> paragraph(String id) throws IOException {
        ReportSearcher searcher = acquire();
        try {
            return browser.paragraph(searcher, id);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Every report, with its unit count. */
    public List<DocumentSummary> documents() throws IOException {
        ReportSearcher searcher = acquire();
        try {
            return browser.documents(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** A report with every unit, in reading order. */
    public Optional<DocumentContents> document(String reportId) throws IOException {
        ReportSearcher searcher = acquire();
        try {
            return browser.document(searcher, reportId);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Completions of what a user is typing: topic labels, organizations and States named in the reports, and
     * phrases that recur in them.
     */
    public List<Suggestion> suggest(String prefix, int size) throws IOException {
        if (prefix.isBlank()) {
            return List.of();
        }
        ReportSearcher searcher = acquire();
        try {
            return suggestions.of(searcher).lookup(prefix.strip(), size);
        } finally {
            searchers.release(searcher);
        }
    }

    /** How many units and reports the index holds. */
    public IndexHealth health() throws IOException {
        ReportSearcher searcher = acquire();
        try {
            return new IndexHealth(searcher.paragraphCount(), searcher.reports().size());
        } finally {
            searchers.release(searcher);
        }
    }

    /** Unit and report counts of the current view. */
    public record IndexHealth(int paragraphs, int documents) {}

    private ReportSearcher acquire() throws IOException {
        return (ReportSearcher) searchers.acquire();
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
