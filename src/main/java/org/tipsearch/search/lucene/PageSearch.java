package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.index.Schema;
import org.tipsearch.search.FacetCount;
import org.tipsearch.search.Match;
import org.tipsearch.search.QueryTooBroadException;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchResults;

/**
 * One search of a scope, step by step while its deadline allows: the query read, its result set found by its
 * words, its meaning or both, ranked and counted by facet along the path its mode and its words call for, and the
 * hits of the slice asked for read. Thread-safe.
 */
final class PageSearch {

    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(Schema.REPORT, SortField.Type.STRING), new SortedNumericSortField(Schema.POSITION, SortField.Type.INT));
    /**
     * How many nearest neighbours a semantic query matches, whatever the page: a search's result set (its total,
     * its facet counts, its export) does not change as a user pages through it. 100 rather than 50: the deeper
     * list reaches relevant units that a question's words miss (recall@20 of the judged queries' halves).
     */
    static final int NEIGHBOURS = 100;
    /** How deep the words' ranking counts in a hybrid search's fusion; pages and exports agree at any depth. */
    static final int FUSION_DEPTH = 1_000;

    private final FacetsConfig facetsConfig;
    private final QueryReader queryReader;
    private final QueryIntents intents = new QueryIntents();
    private final Embeddings embeddings;
    private final TopicBridge topicBridge;

    PageSearch(FacetsConfig facetsConfig, Analyzer queryAnalyzer, Embeddings embeddings, TopicBridge topicBridge) {
        this.facetsConfig = facetsConfig;
        this.queryReader = new QueryReader(queryAnalyzer, TextAnalyzer.forSynonyms(), TextAnalyzer.forSynonymGroups());
        this.embeddings = embeddings;
        this.topicBridge = topicBridge;
    }

    /** Which hits of the ranking to read: a page, highlighted, or the whole ranking for an export. */
    record Slice(int from, int count, boolean highlighted) {
        static final Slice EXPORT = new Slice(0, SearchRequest.MAX_WINDOW, false);

        static Slice pageOf(SearchRequest request) {
            return new Slice((request.page() - 1) * request.size(), request.size(), true);
        }

        int end() {
            return from + count;
        }
    }

    /** What a search does to its page of hits once it has read them, while its deadline allows. */
    interface Refinement<H> {
        List<H> apply(List<H> hits, Deadline deadline);

        static <H> Refinement<H> none() {
            return (hits, deadline) -> hits;
        }
    }

    /**
     * Runs a search step by step, each only while the deadline allows: the query's embedding and the faceted
     * search, without which there is nothing to answer; then the fusion of a hybrid search's rankings, the
     * highlighting and the refinement of the page's hits.
     */
    <H> SearchResults<H> search(SearchRequest request, Slice slice, Deadline deadline, HitReader<H> reader,
            Refinement<H> refinement, ReportSearcher view) throws IOException {
        try {
            ReportSearcher searcher = view.recordsOf(request.scope().type(), deadline);
            QueryIntent intent = intents.read(request.query());
            QueryReader.ReadQuery read = queryReader.read(intent, request);
            if (searcher.facetState() == null) { // an index with no units at all
                return new SearchResults<>(request, 0, deadline.elapsedMillis(), read.notice(), false, List.of(), Map.of(),
                        null);
            }
            boolean ranked = !request.query().isEmpty();
            // Field filters alone, or no searchable word, have no meaning to search by.
            SearchMode mode = ranked && read.asksForText() ? request.mode() : SearchMode.BM25;
            // Only units have vectors, so the nearest neighbours need no filter by type: one would cost a bit
            // set of every unit, built anew for each query.
            // Found once, here, rather than by each search that uses them (the hybrid mode's two).
            float[] meaning = mode == SearchMode.BM25 ? null : queryVector(intent.meaning(read), deadline);
            Query semantic = meaning == null ? null : searcher.rewrite(nearestNeighbours(meaning, read.filter()));
            if (ranked && intent.kind() != QueryIntent.Kind.SYNTAX) {
                intent = intent.withTopics(topicBridge.topicsOf(intent.typed(), meaning));
            }
            // The result set: the words' matches, the query's nearest neighbours, or both.
            Query matching = switch (mode) {
                case BM25 -> read.query();
                case SEMANTIC -> semantic;
                case HYBRID -> new BooleanQuery.Builder()
                        .add(read.query(), BooleanClause.Occur.SHOULD)
                        .add(semantic, BooleanClause.Occur.SHOULD)
                        .build();
            };
            int window = slice.end();
            deadline.require();
            ScoreDoc[] top;
            FacetedCollection.Result<?> collected;
            long total;
            if (mode == SearchMode.HYBRID) {
                // The page is the fusion of the words' and the neighbours' rankings, so the result set is only
                // counted: ranking it too would score every match for nothing.
                collected = counted(searcher, matching, request);
                total = collected.total();
                top = deadline.allows() ? fused(searcher, request, intent, read.query(), semantic, window)
                        : new ScoreDoc[0];
            } else if (mode == SearchMode.BM25 && ranked && slice.highlighted() && read.wordsOnly()) {
                // A page of words alone is ranked apart from the count: the ranking scores only the matches that
                // can still make the page, and the count scores none (a lifted query too: see LiftQuery), where
                // scoring every match as it was counted costs a broad word most. The ranking first, so that a search cut short by its budget has hits to show; its count, cut short or
                // skipped, knows fewer matches than the ranking saw.
                TopFieldDocs ranking = searcher.search(drillDown(request, intent.ranked(matching)),
                        new TopFieldCollectorManager(RELEVANCE, window, null, window));
                top = ranking.scoreDocs;
                collected = counted(searcher, matching, request);
                total = Math.max(collected.total(), ranking.totalHits.value());
            } else {
                // Ranked as it is counted, in one pass: an export, which reads its hits whole; a phrase, typed or
                // the proximity boost of a question's words, or a pattern, whose ranking apart skipped little at a
                // million units and cost a second pass over the matches; no words; the nearest neighbours. The
                // relevance sort keeps each hit's score as its first sort value: no second pass to score hits.
                // Every hit is collected (no threshold), for the total is exact.
                var ranking = new TopFieldCollectorManager(ranked ? RELEVANCE : ReportSearcher.REPORT_ORDER, window,
                        null, Integer.MAX_VALUE);
                FacetedCollection.Result<TopFieldDocs> page = searcher.search(
                        ranked ? intent.ranked(matching) : matching,
                        new FacetedCollection<>(searcher.facetOrdinals(), request.filters(), ranking));
                collected = page;
                total = page.total();
                top = page.hits().scoreDocs;
            }
            ScoreDoc[] page = matched(searcher, read.query(), ranked && read.asksForText() ? mode : null,
                    Arrays.copyOfRange(top, Math.min(slice.from(), top.length), Math.min(window, top.length)));
            // In a search by words and meaning, the share of the result set, and of each facet value, that holds the
            // words: the rest, the neighbours without the words, is at most NEIGHBOURS units to count. None if cut
            // short: a count of some segments would overstate the meaning's share.
            Long wordMatches = null;
            Facets meaningOnly = null;
            if (mode == SearchMode.HYBRID && ranked && deadline.allows()) {
                FacetedCollection.Result<Void> related = counted(searcher, new BooleanQuery.Builder()
                        .add(semantic, BooleanClause.Occur.FILTER)
                        .add(read.query(), BooleanClause.Occur.MUST_NOT)
                        .build(), request);
                if (!deadline.cutShort()) {
                    wordMatches = total - related.total();
                    meaningOnly = related.facets();
                }
            }
            boolean highlighted = ranked && slice.highlighted() && deadline.allows();
            List<H> hits = refinement.apply(
                    reader.readSideBySide(searcher, page, highlighted ? read.marked() : null, ranked), deadline);
            Map<String, List<FacetCount>> facets = FacetValueOrder.facetCounts(searcher, collected.facets(),
                    meaningOnly, request.scope().facets(), request.filters());
            return new SearchResults<>(request, total, deadline.elapsedMillis(), notice(read.notice(), deadline),
                    deadline.cutShort(), hits, facets, wordMatches);
        } catch (IndexSearcher.TooManyClauses e) { // from the search, the fusion's rankings or the highlighter
            throw new QueryTooBroadException(e);
        }
    }

    /**
     * The page's hits with why each matched: by words in a search by words; in one by meaning or by both, by words
     * where the hit holds them and by meaning elsewhere. A page not ranked by words (mode null: no query, or field
     * filters alone) is left as it is.
     */
    private static ScoreDoc[] matched(ReportSearcher searcher, Query words, SearchMode mode, ScoreDoc[] page)
            throws IOException {
        if (mode == null) {
            return page;
        }
        boolean[] holdsWords = mode == SearchMode.BM25 ? null : holdsWords(searcher, words, page);
        var out = new ScoreDoc[page.length];
        for (int i = 0; i < page.length; i++) {
            boolean byWords = holdsWords == null ? mode == SearchMode.BM25 : holdsWords[i];
            out[i] = PageDoc.of(page[i], byWords ? Match.WORDS : Match.MEANING);
        }
        return out;
    }

    /**
     * Which of the hits the words' query matches: the hits visited in index order, one iterator a segment, so that
     * an export's whole ranking costs one pass over the words' matches at most.
     */
    private static boolean[] holdsWords(ReportSearcher searcher, Query words, ScoreDoc[] hits) throws IOException {
        var holds = new boolean[hits.length];
        if (hits.length == 0) {
            return holds;
        }
        Integer[] order = new Integer[hits.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(hits[a].doc, hits[b].doc));
        Weight weight = searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        DocIdSetIterator matches = null;
        for (int i : order) {
            if (leaf == null || hits[i].doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
                Scorer scorer = weight.scorer(leaf);
                matches = scorer == null ? null : scorer.iterator();
            }
            int target = hits[i].doc - leaf.docBase;
            holds[i] = matches != null && (matches.docID() > target ? false
                    : matches.docID() == target || matches.advance(target) == target);
        }
        return holds;
    }

    /** The query reader's notice, and a partial answer's. */
    private static String notice(String readNotice, Deadline deadline) {
        if (!deadline.cutShort()) {
            return readNotice;
        }
        return readNotice == null ? deadline.notice() : readNotice + " " + deadline.notice();
    }

    /** The base query's result set counted, each filtered dimension as if its own filter were off; not ranked. */
    private static FacetedCollection.Result<Void> counted(ReportSearcher searcher, Query base, SearchRequest request)
            throws IOException {
        return searcher.search(base, FacetedCollection.counting(searcher.facetOrdinals(), request.filters()));
    }

    /** The base query narrowed by the request's facet filters. */
    private Query drillDown(SearchRequest request, Query base) {
        return FacetFilters.narrowed(facetsConfig, base, request.filters());
    }

    /**
     * The units nearest the query's meaning (among those of the query's own field:value filters, if any): a
     * fixed number of them, found before the facet filters narrow them, so that facet counts agree with what
     * each selection shows.
     */
    private static Query nearestNeighbours(float[] meaning, Query among) {
        return new CloseNeighboursQuery(Schema.VECTOR, meaning, NEIGHBOURS, among, RELATED_SCORE);
    }

    /**
     * The least score (Lucene's cosine score, (1 + cosine) / 2) at which a neighbour of a query's meaning is related
     * to it and joins the result set; the nearest units of a query the reports say nothing about fall below it.
     * Calibrated on the tuning half of the judged queries: the highest floor tried at which its ranking is unchanged.
     */
    static final float RELATED_SCORE = 0.76f;

    /** The embedding of a query's meaning, if the deadline allows. */
    private float[] queryVector(String words, Deadline deadline) {
        deadline.require();
        return embeddings.query(words);
    }

    /**
     * The words' ranking and the neighbours' ranking, both under the filters, fused (see {@link RankFusion}), the
     * words' ranking counting to its first {@link #FUSION_DEPTH} units: reading it deeper for every page would
     * make a broad query over a large index score far more than a page needs.
     */
    private ScoreDoc[] fused(ReportSearcher searcher, SearchRequest request, QueryIntent intent, Query words,
            Query semantic, int window) throws IOException {
        ScoreDoc[] byWords = searcher.search(drillDown(request, intent.ranked(words)), Math.max(window, FUSION_DEPTH))
                .scoreDocs;
        ScoreDoc[] byMeaning = searcher.search(drillDown(request, intent.ranked(semantic)), NEIGHBOURS).scoreDocs;
        return RankFusion.fuse(byWords, byMeaning, FUSION_DEPTH, intent.kind().weights());
    }
}
