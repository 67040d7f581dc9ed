package org.tipsearch.search.lucene;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.tipsearch.index.Documents;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.Session;
import org.tipsearch.search.BudgetExceededException;
import org.tipsearch.search.Hit;
import org.tipsearch.search.SimilarRequest;

/**
 * The precedent finder: the units closest to a paragraph (in other reports, or other sessions) or to a draft's
 * text, its embedding's nearest neighbours fused with MoreLikeThis on its words, the neighbours leading. The list
 * is whole or none: one cut short by the budget throws {@link BudgetExceededException}. Thread-safe.
 */
final class SimilarUnits {

    /**
     * How much a draft's neighbours and its MoreLikeThis words count in the precedent finder's fusion: on the
     * tuning half of our drafts (src/test/resources/eval/drafts-tune.json) 0.75 for the words beat 0.5, 0.25 and 1.
     */
    static final RankFusion.Weights SIMILAR_WEIGHTS = new RankFusion.Weights(1f, 0.75f);
    /** The most distinctive words of a paragraph that MoreLikeThis looks for. */
    private static final int MORE_LIKE_THIS_TERMS = 25;

    private final FacetsConfig facetsConfig;
    private final Analyzer queryAnalyzer;
    private final Embeddings embeddings;
    private final PageOfHits pageOfHits;
    /** How long a list may take; null for no limit. */
    private final Duration queryBudget;

    SimilarUnits(FacetsConfig facetsConfig, Analyzer queryAnalyzer, Embeddings embeddings, PageOfHits pageOfHits,
            Duration queryBudget) {
        this.facetsConfig = facetsConfig;
        this.queryAnalyzer = queryAnalyzer;
        this.embeddings = embeddings;
        this.pageOfHits = pageOfHits;
        this.queryBudget = queryBudget;
    }

    /** The similar units on a view of the index, within the budget from now. */
    Optional<List<Hit>> find(SimilarRequest request, ReportSearcher view) throws IOException {
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
        if (request.unitId() != null) {
            // on the view: a look-up by id is too quick to need the deadline, and one cut short would be a 404
            Optional<ScoreDoc> unit = ReportBrowser.first(view,
                    new TermQuery(new Term(Schema.ID, request.unitId())));
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            int doc = unit.get().doc;
            IndexedUnit record = Documents.unit(searcher.storedFields().document(doc, Documents.HIT_FIELDS));
            vector = vectorOf(searcher, doc);
            keywords = mlt.like(Schema.TEXT, new StringReader(record.parsed().text()));
            elsewhere = outside(searcher, record.reportId(), request.exclude());
        } else {
            deadline.require();
            vector = embeddings.draft(request.text());
            keywords = mlt.like(Schema.TEXT, new StringReader(request.text()));
        }
        var units = new BooleanQuery.Builder().add(ReportSearcher.UNITS, BooleanClause.Occur.FILTER);
        if (elsewhere != null) { // the closest wording elsewhere, not the paragraphs around it
            units.add(elsewhere, BooleanClause.Occur.MUST_NOT);
        }
        Query restriction = FacetFilters.narrowed(facetsConfig, units.build(), request.filters());
        int depth = Math.max(PageSearch.NEIGHBOURS, request.size() * 3);
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
        for (int i = 0; i < top.length; i++) {
            top[i] = PageDoc.similar(top[i], (float) BestPassages.cosine(vector, vectorOf(searcher, top[i].doc)));
        }
        List<Hit> hits = pageOfHits.hits(searcher, top, keywords, true);
        return Optional.of(BestPassages.markedByMeaning(hits, vector, embeddings, deadline));
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
}
