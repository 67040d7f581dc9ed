package org.tipsearch.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What stores the units and searches them: the seam between tipsearch's reading of reports (parsing, enrichment,
 * the API and its pages) and the engine that executes its searches. The embedded Lucene index is one
 * ({@code search.lucene.LuceneEngine}); a distributed engine would be another. Everything here is engine-neutral:
 * requests and results are the records of this package, and a search's time budget is the engine's to keep
 * (a search cut short answers {@link SearchResults#partial() partial}, or throws {@link BudgetExceededException}
 * when it has nothing yet). Implementations are thread-safe.
 */
public interface SearchEngine extends AutoCloseable {

    /** A page of units matching a search of the {@link Scope#UNITS} scope, highlighted. */
    SearchResults<Hit> units(SearchRequest request) throws IOException;

    /** A page of register entries matching a search of the {@link Scope#RECOMMENDATIONS} scope. */
    SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException;

    /**
     * Every unit of a search, up to {@link SearchRequest#MAX_WINDOW}, in the order its pages show them and not
     * highlighted (a hit's highlight is its escaped text); page and size are ignored. Possibly partial.
     */
    SearchResults<Hit> allUnits(SearchRequest request) throws IOException;

    /** Every register entry of a search, as {@link #allUnits} does for units. Possibly partial. */
    SearchResults<RecommendationHit> allRecommendations(SearchRequest request) throws IOException;

    /** The units closest to a unit or to a draft; empty when the unit does not exist. Whole or refused. */
    Optional<List<Hit>> similar(SimilarRequest request) throws IOException;

    /** A unit by its global id, with its neighbours in reading order. */
    Optional<UnitInContext> unit(String id) throws IOException;

    /** Every report, with its unit count. */
    List<ReportSummary> reports() throws IOException;

    /** A report with every unit, in reading order. */
    Optional<ReportContents> report(String reportId) throws IOException;

    /** Completions of a prefix a user is typing (not blank). */
    List<Suggestion> suggest(String prefix, int size) throws IOException;

    /** How many units and reports a search sees now. */
    IndexHealth health() throws IOException;

    /**
     * Which state of the index a search that starts now sees; it changes whenever a report is added, replaced or
     * removed, so an answer kept under it is an answer still true.
     */
    long version() throws IOException;

    /** Makes searches that arrive from now see the last committed change. */
    void refresh() throws IOException;

    /** Returns once what searches by meaning need is loaded. */
    void awaitModel() throws InterruptedException;

    /** Forgets what was kept of earlier searches' embeddings, so that a benchmark measures a new search. */
    void clearEmbeddingCaches();

    @Override
    void close() throws IOException;
}
