package org.tipsearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOSupplier;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedParagraph;
import org.tipsearch.index.IndexedReport;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.ingest.Session;

/** Answers searches and look-ups over one index. Thread-safe; owns the directory and its searchers. */
public final class SearchService implements AutoCloseable {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(Schema.REPORT, SortField.Type.STRING), new SortedNumericSortField(Schema.POSITION, SortField.Type.INT));
    private static final int PASSAGES = 3;
    private static final String MARK_START = "<mark>";
    private static final String MARK_END = "</mark>";
    /**
     * How many nearest neighbours a semantic query matches, whatever the page: a search's result set (its total,
     * its facet counts, its export) does not change as a user pages through it. 100 rather than 50: the deeper
     * list reaches relevant units that a question's words miss (recall@20 of the judged queries' halves).
     */
    private static final int NEIGHBOURS = 100;
    /**
     * How much a draft's neighbours and its MoreLikeThis words count in the precedent finder's fusion: on the
     * tuning half of our drafts (src/test/resources/eval/drafts-tune.json) 0.75 for the words beat 0.5, 0.25 and 1.
     */
    private static final RankFusion.Weights SIMILAR_WEIGHTS = new RankFusion.Weights(1f, 0.75f);
    /** How deep the words' ranking counts in a hybrid search's fusion; pages and exports agree at any depth. */
    private static final int FUSION_DEPTH = 1_000;
    /** The most distinctive words of a paragraph that MoreLikeThis looks for. */
    private static final int MORE_LIKE_THIS_TERMS = 25;
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
    private final Analyzer indexAnalyzer = Schema.indexAnalyzer();
    private final PassageScorer passageScorer = new DistinctTermsPassageScorer();
    private final QueryReader queryReader = new QueryReader(queryAnalyzer, TextAnalyzer.forSynonyms(),
            TextAnalyzer.forSynonymGroups());
    private final QueryIntents intents = new QueryIntents();
    private final List<String> topicLabels = Taxonomy.load().topics().stream().map(Taxonomy.Topic::label).toList();
    private Suggestions suggestions;
    private long suggestionsVersion;
    private final Embeddings embeddings = new Embeddings();
    private final TopicBridge topicBridge = new TopicBridge(embeddings);
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
        return run(request, Slice.pageOf(request), this::hits,
                (hits, deadline) -> byMeaning ? BestPassages.apply(hits, request.query(), embeddings, deadline) : hits);
    }

    /** Entries of the recommendations register matching a search of the {@link Scope#RECOMMENDATIONS} scope. */
    public SearchResults<RecommendationHit> recommendations(SearchRequest request) throws IOException {
        requireScope(request, Scope.RECOMMENDATIONS);
        return run(request, Slice.pageOf(request), this::recommendationHits, Refinement.none());
    }

    /**
     * Every paragraph of a search, up to {@link SearchRequest#MAX_WINDOW}, in the order its pages show them and
     * without highlighting (a hit's highlight is its escaped text): what an export writes. Page and size of the
     * request are ignored. An export is whole: one that cannot finish within the budget throws
     * {@link BudgetExceededException}, as a file that looks complete and is not would mislead whoever reads it.
     */
    public SearchResults<Hit> exportParagraphs(SearchRequest request) throws IOException {
        requireScope(request, Scope.PARAGRAPHS);
        return whole(run(request, Slice.EXPORT, this::hits, Refinement.none()));
    }

    /** Every entry of a register search, as {@link #exportParagraphs} does for paragraphs. */
    public SearchResults<RecommendationHit> exportRecommendations(SearchRequest request) throws IOException {
        requireScope(request, Scope.RECOMMENDATIONS);
        return whole(run(request, Slice.EXPORT, this::recommendationHits, Refinement.none()));
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

    /** Which hits of the ranking to read: a page, highlighted, or the whole ranking for an export. */
    private record Slice(int from, int count, boolean highlighted) {
        static final Slice EXPORT = new Slice(0, SearchRequest.MAX_WINDOW, false);

        static Slice pageOf(SearchRequest request) {
            return new Slice((request.page() - 1) * request.size(), request.size(), true);
        }

        int end() {
            return from + count;
        }
    }

    /** Reads the stored records of a page of hits. */
    private interface HitReader<H> {
        List<H> read(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored) throws IOException;

        /**
         * Reads the hits in parts side by side, a part a core, when the index is large enough to be searched in
         * several slices: reading and highlighting a page of a million units took a tenth of its search, on one core
         * while the others waited. A small index, one slice, is read by the caller alone.
         */
        default List<H> readSideBySide(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored)
                throws IOException {
            int parts = searcher.getSlices().length > 1 ? Math.min(docs.length, CORES) : 1;
            if (parts <= 1) {
                return read(searcher, docs, highlightQuery, scored);
            }
            var reads = new ArrayList<Callable<List<H>>>(parts);
            for (int part = 0; part < parts; part++) {
                ScoreDoc[] partDocs = Arrays.copyOfRange(docs, docs.length * part / parts,
                        docs.length * (part + 1) / parts);
                reads.add(() -> read(searcher, partDocs, highlightQuery, scored));
            }
            var hits = new ArrayList<H>(docs.length);
            searcher.getTaskExecutor().invokeAll(reads).forEach(hits::addAll);
            return hits;
        }
    }

    /** What a search does to its page of hits once it has read them, while its deadline allows. */
    private interface Refinement<H> {
        List<H> apply(List<H> hits, Deadline deadline);

        static <H> Refinement<H> none() {
            return (hits, deadline) -> hits;
        }
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
                    () -> searched(request, slice, new Deadline(queryBudget), reader, refinement, view));
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
     * Runs a search step by step, each only while the deadline allows: the query's embedding and the faceted
     * search, without which there is nothing to answer; then the fusion of a hybrid search's rankings, the
     * highlighting and the refinement of the page's hits.
     */
    private <H> SearchResults<H> searched(SearchRequest request, Slice slice, Deadline deadline, HitReader<H> reader,
            Refinement<H> refinement, ReportSearcher view) throws IOException {
        try {
            ReportSearcher searcher = view.recordsOf(request.scope().type(), deadline);
            QueryIntent intent = intents.read(request.query());
            QueryReader.ReadQuery read = queryReader.read(intent.searched(), intent.kind() == QueryIntent.Kind.QUESTION
                    && request.mode() == SearchMode.BM25 && request.scope() == Scope.PARAGRAPHS
                            ? QueryReader.WordsRequired.QUESTION_BY_WORDS : QueryReader.WordsRequired.USUAL);
            if (searcher.facetState() == null) { // an index with no units at all
                return new SearchResults<>(request, 0, deadline.elapsedMillis(), read.notice(), false, List.of(), Map.of());
            }
            boolean ranked = !request.query().isEmpty();
            // Field filters alone, or no searchable word, have no meaning to search by.
            SearchMode mode = ranked && read.asksForText() ? request.mode() : SearchMode.BM25;
            // Only units have vectors, so the nearest neighbours need no filter by type: one would cost a bit
            // set of every unit, built anew for each query (over a quarter of its time at a million units).
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
                // counted: ranking it too cost a repeated hybrid search at a million units a tenth of its time.
                collected = counted(searcher, matching, request);
                total = collected.total();
                top = deadline.allows() ? fused(searcher, request, intent, read.query(), semantic, window)
                        : new ScoreDoc[0];
            } else if (mode == SearchMode.BM25 && ranked && slice.highlighted() && read.wordsOnly()) {
                // A page of words alone is ranked apart from the count: the ranking scores only the matches that
                // can still make the page, and the count scores none (a lifted query too: see LiftQuery). Scoring
                // every match as it was counted cost a broad word at a million units a third of its time. The ranking first, so that a search cut short
                // by its budget has hits to show; its count, cut short or skipped, knows fewer matches than the
                // ranking saw.
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
            ScoreDoc[] page = Arrays.copyOfRange(top, Math.min(slice.from(), top.length), Math.min(window, top.length));
            boolean highlighted = ranked && slice.highlighted() && deadline.allows();
            List<H> hits = refinement.apply(
                    reader.readSideBySide(searcher, page, highlighted ? read.marked() : null, ranked), deadline);
            Map<String, List<FacetCount>> facets = facetCounts(searcher, collected.facets(), request.scope().facets(),
                    request.filters());
            return new SearchResults<>(request, total, deadline.elapsedMillis(), notice(read.notice(), deadline),
                    deadline.cutShort(), hits, facets);
        } catch (IndexSearcher.TooManyClauses e) { // from the search, the fusion's rankings or the highlighter
            throw new QueryTooBroadException(e);
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
                page.notice(), page.partial(), (List<H>) page.hits(), page.facets());
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
    private DrillDownQuery drillDown(SearchRequest request, Query base) {
        var drillDown = new DrillDownQuery(facetsConfig, base);
        request.filters().forEach((dim, values) -> values.forEach(value -> drillDown.add(dim, value)));
        return drillDown;
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
    private static final float RELATED_SCORE = 0.76f;

    /** The embedding of a query's meaning, if the deadline allows. */
    private float[] queryVector(String words, Deadline deadline) {
        deadline.require();
        return embeddings.query(words);
    }

    /**
     * The words' ranking and the neighbours' ranking, both under the filters, fused (see {@link RankFusion}), the
     * words' ranking counting to its first {@link #FUSION_DEPTH} units: reading it deeper for every page would
     * cost a broad query over a million units most of its time.
     */
    private ScoreDoc[] fused(ReportSearcher searcher, SearchRequest request, QueryIntent intent, Query words,
            Query semantic, int window) throws IOException {
        ScoreDoc[] byWords = searcher.search(drillDown(request, intent.ranked(words)), Math.max(window, FUSION_DEPTH))
                .scoreDocs;
        ScoreDoc[] byMeaning = searcher.search(drillDown(request, intent.ranked(semantic)), NEIGHBOURS).scoreDocs;
        return RankFusion.fuse(byWords, byMeaning, FUSION_DEPTH, intent.kind().weights());
    }

    /**
     * The units closest to a paragraph (in other reports, or other sessions) or to a text: nearest neighbours of
     * its embedding, fused with MoreLikeThis on its words. Empty when the paragraph does not exist.
     */
    public Optional<List<Hit>> similar(SimilarRequest request) throws IOException {
        ReportSearcher view = acquire();
        try {
            return turns.take(() -> similar(request, view));
        } finally {
            searchers.release(view);
        }
    }

    /** The similar units on a view of the index, within the budget from now. */
    private Optional<List<Hit>> similar(SimilarRequest request, ReportSearcher view) throws IOException {
        Deadline deadline = new Deadline(queryBudget);
        ReportSearcher searcher = view.until(deadline);
        float[] vector;
        Query keywords;
        Query elsewhere = null;
        var mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(queryAnalyzer);
        mlt.setFieldNames(new String[] {Schema.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(MORE_LIKE_THIS_TERMS);
        if (request.paragraphId() != null) {
            // on the view: a look-up by id is too quick to need the deadline, and one cut short would be a 404
            Optional<ScoreDoc> unit = first(view, new TermQuery(new Term(Schema.ID, request.paragraphId())));
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            int doc = unit.get().doc;
            IndexedParagraph record = Documents.paragraph(searcher.storedFields().document(doc, Documents.HIT_FIELDS));
            vector = vectorOf(searcher, doc);
            keywords = mlt.like(Schema.TEXT, new StringReader(record.paragraph().text()));
            elsewhere = outside(searcher, record.reportId(), request.exclude());
        } else {
            deadline.require();
            vector = embeddings.draft(request.text());
            keywords = mlt.like(Schema.TEXT, new StringReader(request.text()));
        }
        var filter = new BooleanQuery.Builder().add(ReportSearcher.PARAGRAPHS, BooleanClause.Occur.FILTER);
        request.filters().forEach((dim, values) -> {
            var anyOf = new BooleanQuery.Builder();
            values.forEach(v -> anyOf.add(new TermQuery(new Term(dim, Schema.keyword(v))), BooleanClause.Occur.SHOULD));
            filter.add(anyOf.build(), BooleanClause.Occur.FILTER);
        });
        if (elsewhere != null) { // the closest wording elsewhere, not the paragraphs around it
            filter.add(elsewhere, BooleanClause.Occur.MUST_NOT);
        }
        Query restriction = filter.build();
        int depth = Math.max(NEIGHBOURS, request.size() * 3);
        // The list is whole or none: one ranking alone is not the list asked for.
        deadline.require();
        ScoreDoc[] semantic = searcher.search(new KnnFloatVectorQuery(Schema.VECTOR, vector, depth, restriction), depth).scoreDocs;
        deadline.require();
        ScoreDoc[] keyword = searcher.search(new BooleanQuery.Builder()
                .add(keywords, BooleanClause.Occur.MUST)
                .add(restriction, BooleanClause.Occur.FILTER)
                .build(), depth).scoreDocs;
        if (deadline.cutShort()) {
            throw new BudgetExceededException(queryBudget);
        }
        // Draft wording is matched by meaning first: the neighbours lead, MoreLikeThis refines.
        ScoreDoc[] fused = RankFusion.fuse(semantic, keyword, semantic.length, SIMILAR_WEIGHTS);
        ScoreDoc[] top = Arrays.copyOf(fused, Math.min(request.size(), fused.length));
        return Optional.of(hits(searcher, top, keywords, true));
    }

    /** What a unit's similar paragraphs must come from outside of: its report, or its session if it has one. */
    private static Query outside(ReportSearcher searcher, String report, SimilarRequest.Exclude exclude) throws IOException {
        Session session = searcher.metadata(report).session();
        if (exclude == SimilarRequest.Exclude.SESSION && session != null) {
            return new TermQuery(new Term(Schema.SESSION, Schema.sessionKey(session.ordinal())));
        }
        return new TermQuery(new Term(Schema.REPORT, report));
    }

    /** The stored embedding of a unit. */
    private static float[] vectorOf(ReportSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            throw new IllegalStateException("unit " + doc + " has no vector; rebuild the index");
        }
        return values.vectorValue(it.index()).clone();
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
            Optional<ScoreDoc> found = first(searcher, new TermQuery(new Term(Schema.ID, id)));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Hit hit = hits(searcher, new ScoreDoc[] {found.get()}, null, false).get(0);
            IndexedParagraph unit = hit.unit();
            int position = unit.paragraph().position();
            return Optional.of(new ParagraphInContext(hit,
                    neighbour(searcher, unit.reportId(), position - 1),
                    neighbour(searcher, unit.reportId(), position + 1)));
        } finally {
            searchers.release(searcher);
        }
    }

    public List<DocumentSummary> documents() throws IOException {
        ReportSearcher searcher = acquire();
        try {
            return searcher.reports().values().stream()
                    .map(report -> new DocumentSummary(report, searcher.unitCount(report.id())))
                    .toList();
        } finally {
            searchers.release(searcher);
        }
    }

    /** A report with every unit, in reading order. */
    public Optional<DocumentContents> document(String reportId) throws IOException {
        ReportSearcher searcher = acquire();
        try {
            IndexedReport report = searcher.reports().get(reportId);
            if (report == null) {
                return Optional.empty();
            }
            Query units = new BooleanQuery.Builder()
                    .add(ReportSearcher.PARAGRAPHS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.REPORT, reportId)), BooleanClause.Occur.FILTER)
                    .build();
            int count = searcher.unitCount(reportId);
            ScoreDoc[] docs = searcher.search(units, Math.max(1, count), ReportSearcher.REPORT_ORDER).scoreDocs;
            return Optional.of(new DocumentContents(new DocumentSummary(report, count),
                    hits(searcher, docs, null, false)));
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
            return suggestions(searcher).lookup(prefix.strip(), size);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The suggestions of this view of the index, built on first use and again after the index changes. */
    private synchronized Suggestions suggestions(ReportSearcher searcher) throws IOException {
        long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
        if (suggestions == null || suggestionsVersion != version) {
            Suggestions built = Suggestions.build(searcher, topicLabels, facetValues(searcher));
            if (suggestions != null) {
                suggestions.close();
            }
            suggestions = built;
            suggestionsVersion = version;
        }
        return suggestions;
    }

    /** Every value of the organization and country facets. */
    private Map<String, List<String>> facetValues(ReportSearcher searcher) throws IOException {
        if (searcher.facetState() == null) {
            return Map.of();
        }
        var facets = new SortedSetDocValuesFacetCounts(searcher.facetState());
        var out = new HashMap<String, List<String>>();
        for (String dim : List.of(Schema.ORGANIZATION, Schema.COUNTRY)) {
            if (searcher.facetState().getOrdRange(dim) != null) {
                FacetResult all = facets.getAllChildren(dim);
                out.put(dim, all == null ? List.of() : Arrays.stream(all.labelValues).map(lv -> lv.label).toList());
            }
        }
        return out;
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

    private List<Hit> hits(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored)
            throws IOException {
        return hitsOf(searcher, docs, highlightQuery, scored, Documents::paragraph, unit -> unit.paragraph().text(),
                (unit, score, highlight) -> new Hit(unit, searcher.metadata(unit.reportId()), score, highlight));
    }

    private List<RecommendationHit> recommendationHits(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery,
            boolean scored) throws IOException {
        return hitsOf(searcher, docs, highlightQuery, scored, Documents::recommendation,
                entry -> entry.recommendation().text(), (entry, score, highlight) ->
                        new RecommendationHit(entry, searcher.metadata(entry.reportId()), score, highlight));
    }

    /** A hit made of its stored record, its score (null when unscored) and its highlight. */
    private interface HitOf<R, H> {
        H hit(R record, Float score, String highlight);
    }

    /** The hits of a page: their stored records, read first, and then their texts highlighted. */
    private <R, H> List<H> hitsOf(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored,
            Function<Document, R> records, Function<R, String> textOf, HitOf<R, H> hitOf) throws IOException {
        var stored = searcher.storedFields();
        var texts = new ArrayList<String>(docs.length);
        var read = new ArrayList<R>(docs.length);
        for (ScoreDoc doc : docs) {
            R record = records.apply(stored.document(doc.doc, Documents.HIT_FIELDS));
            read.add(record);
            texts.add(textOf.apply(record));
        }
        String[] highlights = highlights(searcher, docs, highlightQuery, texts);
        var hits = new ArrayList<H>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(hitOf.hit(read.get(i), scored ? score(docs[i]) : null,
                    highlightOrText(highlights, i, texts.get(i))));
        }
        return hits;
    }

    /**
     * The best passages of each hit's text with the query's matches marked; null when nothing is queried.
     *
     * @param texts each hit's text, as its record holds it
     */
    private String[] highlights(ReportSearcher searcher, ScoreDoc[] docs, Query query, List<String> texts)
            throws IOException {
        if (query == null) {
            return null;
        }
        var textByDoc = new HashMap<Integer, String>();
        for (int i = 0; i < docs.length; i++) {
            textByDoc.put(docs[i].doc, texts.get(i));
        }
        String[] highlights = highlighter(searcher, textByDoc).highlight(Schema.TEXT, query,
                new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), PASSAGES);
        for (int i = 0; i < highlights.length; i++) {
            if (highlights[i] != null) { // words marked side by side read as one mark, as a phrase is marked
                highlights[i] = highlights[i].replace(MARK_END + " " + MARK_START, " ");
            }
        }
        return highlights;
    }

    private static String highlightOrText(String[] highlights, int i, String text) {
        return highlights != null && highlights[i] != null ? highlights[i] : Html.escape(text);
    }

    /** A highlighter of the hits whose texts are given, by document. */
    private UnifiedHighlighter highlighter(ReportSearcher view, Map<Integer, String> textByDoc) {
        var builder = UnifiedHighlighter.builder(view, indexAnalyzer)
                .withFormatter(new CutPassages(MARK_START, MARK_END))
                .withBreakIterator(Sentences::new)
                .withScorer(passageScorer)
                .withMaxNoHighlightPassages(PASSAGES);
        return new UnifiedHighlighter(builder) {
            @Override
            protected FieldInfo getFieldInfo(String field) { // the view's, merged once
                return view.fieldInfo(field);
            }

            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                boolean weightMatches = components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
                return source == OffsetSource.POSTINGS && weightMatches
                        ? new SegmentWeightOffsets(components) : super.getOffsetStrategy(source, components);
            }

            /**
             * The texts read with the hits' records (the index does not store the text again), cut where Lucene
             * cuts what it reads (at the highlighter's maximum length).
             */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs,
                    int cacheCharsThreshold) throws IOException {
                if (!Arrays.equals(fields, new String[] {Schema.TEXT})) {
                    throw new IllegalStateException("only the text is highlighted, not " + Arrays.toString(fields));
                }
                var values = new ArrayList<CharSequence[]>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    String text = textByDoc.get(doc);
                    values.add(new CharSequence[] {text.substring(0, Math.min(text.length(), getMaxLength()))});
                }
                return values;
            }
        };
    }

    private static Float score(ScoreDoc doc) {
        // With a sort, the score sits in the first sort value; without, in the ScoreDoc.
        if (doc instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 0 && fd.fields[0] instanceof Float f) {
            return f;
        }
        return Float.isNaN(doc.score) ? null : doc.score;
    }

    private Map<String, List<FacetCount>> facetCounts(ReportSearcher searcher, Facets facets, List<String> dims,
            Map<String, List<String>> selected) throws IOException {
        var out = new LinkedHashMap<String, List<FacetCount>>();
        for (String dim : dims) {
            var counts = new ArrayList<FacetCount>();
            if (searcher.facetState().getOrdRange(dim) != null) {
                FacetResult result = facets.getAllChildren(dim);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        counts.add(new FacetCount(lv.label, lv.value.intValue()));
                    }
                }
            }
            // A selected value stays listed, at zero, so that a client can show and undo the selection.
            var listed = new HashSet<String>();
            counts.forEach(c -> listed.add(c.value()));
            selected.getOrDefault(dim, List.of()).stream()
                    .filter(listed::add)
                    .forEach(value -> counts.add(new FacetCount(value, 0)));
            counts.sort(Schema.CHRONOLOGICAL_FACETS.contains(dim) ? CHRONOLOGICAL : BY_COUNT);
            out.put(dim, List.copyOf(counts));
        }
        return out;
    }

    /** "9th session (2021)" before "13th session (2023)": by the leading number, then by text. */
    private static final Comparator<FacetCount> CHRONOLOGICAL = Comparator
            .comparingLong((FacetCount c) -> leadingNumber(c.value()))
            .thenComparing(FacetCount::value);
    private static final Comparator<FacetCount> BY_COUNT = Comparator
            .comparingInt(FacetCount::count).reversed()
            .thenComparing(FacetCount::value);

    private static long leadingNumber(String value) {
        int end = 0;
        while (end < value.length() && end < 18 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end == 0 ? Long.MAX_VALUE : Long.parseLong(value.substring(0, end));
    }

    private static Optional<ScoreDoc> first(IndexSearcher searcher, Query query) throws IOException {
        Query paragraphOnly = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.FILTER)
                .add(ReportSearcher.PARAGRAPHS, BooleanClause.Occur.FILTER)
                .build();
        ScoreDoc[] docs = searcher.search(paragraphOnly, 1).scoreDocs;
        return docs.length == 0 ? Optional.empty() : Optional.of(docs[0]);
    }

    private static String neighbour(ReportSearcher searcher, String reportId, int position) throws IOException {
        if (position < 0) {
            return null;
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.REPORT, reportId)), BooleanClause.Occur.FILTER)
                .add(IntField.newExactQuery(Schema.POSITION, position), BooleanClause.Occur.FILTER)
                .build();
        Optional<ScoreDoc> doc = first(searcher, query);
        return doc.isEmpty() ? null : searcher.storedFields().document(doc.get().doc).get(Schema.ID);
    }

    @Override
    public void close() throws IOException {
        try {
            embeddings.awaitLoading();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (directory; searchers; segments) {
            synchronized (this) {
                if (suggestions != null) {
                    suggestions.close();
                }
            }
        }
    }
}
