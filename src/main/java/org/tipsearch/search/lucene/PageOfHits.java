package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.tipsearch.index.Documents;
import org.tipsearch.search.Hit;
import org.tipsearch.search.RecommendationHit;

/**
 * Reads a page of hits: their stored records first, then their texts highlighted together (see
 * {@link HitHighlighter}); a hit's score is its ranking's, null when the page is not ranked. Thread-safe.
 */
final class PageOfHits {

    private final HitHighlighter highlighter;

    PageOfHits(Analyzer indexAnalyzer) {
        this.highlighter = new HitHighlighter(indexAnalyzer);
    }

    /** Paragraphs; their texts are highlighted when a query is given, and scored when {@code scored}. */
    List<Hit> hits(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery, boolean scored)
            throws IOException {
        return hitsOf(searcher, docs, highlightQuery, scored, Documents::unit, unit -> unit.parsed().text(),
                (unit, doc, score, highlight) -> new Hit(unit, searcher.metadata(unit.reportId()), score, highlight,
                        PageDoc.matchOf(doc), PageDoc.similarityOf(doc)));
    }

    /** Entries of the recommendations register, as {@link #hits} reads paragraphs. */
    List<RecommendationHit> recommendationHits(ReportSearcher searcher, ScoreDoc[] docs, Query highlightQuery,
            boolean scored) throws IOException {
        return hitsOf(searcher, docs, highlightQuery, scored, Documents::recommendation,
                entry -> entry.recommendation().text(), (entry, doc, score, highlight) ->
                        new RecommendationHit(entry, searcher.metadata(entry.reportId()), score, highlight));
    }

    /** A hit made of its stored record, its place in the ranking, its score (null when unscored) and its highlight. */
    private interface HitOf<R, H> {
        H hit(R record, ScoreDoc doc, Float score, String highlight);
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
        String[] highlights = highlighter.highlights(searcher, docs, highlightQuery, texts);
        var hits = new ArrayList<H>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(hitOf.hit(read.get(i), docs[i], scored ? score(docs[i]) : null,
                    HitHighlighter.highlightOrText(highlights, i, texts.get(i))));
        }
        return hits;
    }

    static Float score(ScoreDoc doc) {
        // With a sort, the score sits in the first sort value; without, in the ScoreDoc.
        if (doc instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 0 && fd.fields[0] instanceof Float f) {
            return f;
        }
        return Float.isNaN(doc.score) ? null : doc.score;
    }
}
