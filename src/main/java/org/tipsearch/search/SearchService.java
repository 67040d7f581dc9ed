package org.tipsearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tipsearch.search.lucene.LuceneEngine;

/**
 * Answers searches and look-ups over the reports: what the server and the command line ask, whatever engine
 * executes it (see {@link SearchEngine}). It checks that each request is asked of its own search, and that an
 * export is whole. Thread-safe; owns its engine.
 */
public final class SearchService implements AutoCloseable {

    private final SearchEngine engine;
    /** How long a search may take; null for no limit. */
    private final Duration queryBudget;

    /** A service over an engine, whose searches take at most {@code queryBudget} (null for no limit). */
    public SearchService(SearchEngine engine, Duration queryBudget) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.queryBudget = queryBudget;
    }

    /**
     * Opens the embedded index in a folder; it must exist (see {@code ReportIndexer.isCurrent}). Its searches run
     * to their end, as the command line wants them: one search at a time, and a benchmark or an evaluation must
     * not measure cut-short answers.
     */
    public static SearchService open(Path indexDir) throws IOException {
        return new SearchService(LuceneEngine.open(indexDir, null), null);
    }

    /**
     * Opens the embedded index in a folder for a server: each search stops when it has taken the query budget. One
     * that has found something by then answers it as {@link SearchResults#partial() partial}; one that has not, and
     * an export or a similar list that is not whole, throws {@link BudgetExceededException}. The embedding model
     * starts loading now, in the background, rather than on the first query that needs it (see {@link #awaitModel}).
     */
    public static SearchService open(Path indexDir, Duration queryBudget) throws IOException {
        Objects.requireNonNull(queryBudget, "queryBudget");
        if (queryBudget.isZero() || queryBudget.isNegative()) {
            throw new IllegalArgumentException("the query budget must be positive, not " + queryBudget);
        }
        return new SearchService(LuceneEngine.open(indexDir, queryBudget), queryBudget);
    }

    /** Paragraphs matching a search of the {@link Scope#UNITS} scope. */
    public SearchResults<Hit> search(SearchRequest request) throws IOException {
        requireScope(request, Scope.UNITS);
        return engine.units(request);
    }

    /** Entries of the recommendations register matching a search of the {@link Scope#RECOMMENDATIONS} scope. */
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        requireScope(request, Scope.RECOMMENDATIONS);
        return engine.recommendations(request);
    }

    /**
     * Every paragraph of a search, up to {@link SearchRequest#MAX_WINDOW}, in the order its pages show them and
     * without highlighting (a hit's highlight is its escaped text): what an export writes. Page and size of the
     * request are ignored. An export is whole: one that cannot finish within the budget throws
     * {@link BudgetExceededException}, as a file that looks complete and is not would mislead whoever reads it.
     */
    public SearchResults<Hit> exportUnits(SearchRequest request) throws IOException {
        requireScope(request, Scope.UNITS);
        return whole(engine.allUnits(request));
    }

    /** Every entry of a register search, as {@link #exportUnits} does for units. */
    public SearchResults<RecommendationHit> exportRecommendations(SearchRequest request) throws IOException {
        requireScope(request, Scope.RECOMMENDATIONS);
        return whole(engine.allRecommendations(request));
    }

    private <H> SearchResults<H> whole(SearchResults<H> results) {
        if (results.partial()) {
            throw new BudgetExceededException(queryBudget);
        }
        return results;
    }

    private static void requireScope(SearchRequest request, Scope scope) {
        if (request.scope() != scope) {
            throw new IllegalArgumentException("a " + request.scope() + " request asked of the " + scope + " search");
        }
    }

    /**
     * The units closest to a paragraph (in other reports, or other sessions) or to a text: nearest neighbours of
     * its embedding, fused with the units that share its most distinctive words. Empty when the paragraph does not
     * exist.
     */
    public Optional<List<Hit>> similar(SimilarRequest request) throws IOException {
        return engine.similar(request);
    }

    /** A unit by its global id, with its neighbours. */
    public Optional<UnitInContext> unit(String id) throws IOException {
        return engine.unit(id);
    }

    /** Every report, with its unit count. */
    public List<ReportSummary> reports() throws IOException {
        return engine.reports();
    }

    /** A report with every unit, in reading order. */
    public Optional<ReportContents> report(String reportId) throws IOException {
        return engine.report(reportId);
    }

    /**
     * Completions of what a user is typing: topic labels, organizations and States named in the reports, and
     * phrases that recur in them.
     */
    public List<Suggestion> suggest(String prefix, int size) throws IOException {
        return prefix.isBlank() ? List.of() : engine.suggest(prefix.strip(), size);
    }

    /** How many units and reports the index holds. */
    public IndexHealth health() throws IOException {
        return engine.health();
    }

    /** Which state of the index a search that starts now sees (see {@link SearchEngine#version}). */
    public long indexVersion() throws IOException {
        return engine.version();
    }

    /** Makes searches that arrive from now see the index's last commit. */
    public void refresh() throws IOException {
        engine.refresh();
    }

    /** Returns once the embedding model is loaded (a server listens only then). */
    public void awaitModel() throws InterruptedException {
        engine.awaitModel();
    }

    /** Forgets the cached embeddings of queries and of hits' sentences, so that a benchmark measures a new search. */
    public void clearEmbeddingCaches() {
        engine.clearEmbeddingCaches();
    }

    @Override
    public void close() throws IOException {
        engine.close();
    }
}
