package org.tipsearch.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tipsearch.search.Hit;
import org.tipsearch.search.RecommendationHit;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;
import org.tipsearch.search.SearchService;
import org.tipsearch.search.SimilarRequest;

/**
 * The searches a server runs for its clients: each in its turn (see {@link SearchTurns}), its time budget starting
 * then, and a page asked again answered from the {@link PageCache}. Thread-safe.
 */
final class ServedSearches {

    private final SearchService search;
    private final SearchTurns turns;
    private final PageCache pageCache;

    ServedSearches(SearchService search, Serving serving) {
        this.search = search;
        this.turns = serving.turns();
        this.pageCache = new PageCache(serving.cachedPages());
    }

    SearchResults<Hit> search(SearchRequest request) throws IOException {
        return page(request, () -> search.search(request));
    }

    SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        return page(request, () -> search.recommendations(request));
    }

    /** An export, searched anew in its turn: not kept. */
    SearchResults<Hit> exportUnits(SearchRequest request) throws IOException {
        long arrival = System.nanoTime();
        return answeredAgain(turns.take(() -> search.exportUnits(request)), arrival);
    }

    SearchResults<RecommendationHit> exportRecommendations(SearchRequest request) throws IOException {
        long arrival = System.nanoTime();
        return answeredAgain(turns.take(() -> search.exportRecommendations(request)), arrival);
    }

    Optional<List<Hit>> similar(SimilarRequest request) throws IOException {
        return turns.take(() -> search.similar(request));
    }

    /** A page through the page cache (see {@link PageCache#answer}), searched in its turn if not kept. */
    private <H> SearchResults<H> page(SearchRequest request, SearchCall<SearchResults<H>> searched) throws IOException {
        long arrival = System.nanoTime();
        return answeredAgain(pageCache.answer(search.indexVersion(), request, () -> turns.take(searched::get)), arrival);
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
     * How a server shares its cores among searches, and how many pages it keeps.
     *
     * @param turns       how many searches run at once, the others waiting their turn
     * @param cachedPages how many pages of results answered lately are kept, to be answered again while the index
     *                    does not change; they hold at most this many times {@link SearchRequest#DEFAULT_SIZE} hits
     *                    in all (about 2 KB each). 0 keeps none.
     */
    record Serving(SearchTurns turns, int cachedPages) {
        /**
         * How many searches a server runs at once: two a core, so that a core a search leaves while it waits for
         * memory or the disk has another to run, and no more, which would only share the cores thinner.
         */
        private static final int SEARCHES_AT_ONCE = 2 * Runtime.getRuntime().availableProcessors();
        /** How long a search waits for its turn before the server says it is busy: a user waiting longer has gone. */
        private static final Duration TURN_PATIENCE = Duration.ofSeconds(10);

        Serving {
            if (cachedPages < 0) {
                throw new IllegalArgumentException("a server keeps 0 or more pages, not " + cachedPages);
            }
        }

        /** A public server's: two searches a core at once, and the pages it keeps. */
        static Serving server(int cachedPages) {
            return new Serving(new SearchTurns(SEARCHES_AT_ONCE, TURN_PATIENCE), cachedPages);
        }

        /** A test's server: every search at once, no page kept (a page being searched is still shared). */
        static Serving unlimited() {
            return new Serving(SearchTurns.unlimited(), 0);
        }
    }
}
