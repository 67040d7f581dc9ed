package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Html;

/**
 * Marks the query's matches in the best sentences of a page's hits, words marked side by side as one mark; the
 * texts are those read with the hits' records, not read from the index again. A hit with nothing marked shows its
 * text escaped. Thread-safe.
 */
final class HitHighlighter {

    static final int PASSAGES = 3;
    static final String MARK_START = "<mark>";
    static final String MARK_END = "</mark>";

    private final Analyzer indexAnalyzer;

    HitHighlighter(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    /**
     * The best passages of each hit's text with the query's matches marked; null when nothing is queried.
     *
     * @param texts each hit's text, as its record holds it
     */
    String[] highlights(ReportSearcher searcher, ScoreDoc[] docs, Query query, List<String> texts)
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

    /** A highlighter's builder set to mark as tipsearch marks: the best sentences, cut where cut, words in marks. */
    static UnifiedHighlighter.Builder marking(UnifiedHighlighter.Builder builder) {
        return builder.withFormatter(new CutPassages(MARK_START, MARK_END))
                .withBreakIterator(Sentences::new)
                .withScorer(new DistinctTermsPassageScorer())
                .withMaxNoHighlightPassages(PASSAGES);
    }

    /** The i-th hit's highlight, or its text escaped when it has none. */
    static String highlightOrText(String[] highlights, int i, String text) {
        return highlights != null && highlights[i] != null ? highlights[i] : Html.escape(text);
    }

    /** A highlighter of the hits whose texts are given, by document. */
    private UnifiedHighlighter highlighter(ReportSearcher view, Map<Integer, String> textByDoc) {
        var builder = marking(UnifiedHighlighter.builder(view, indexAnalyzer));
        return new UnifiedHighlighter(builder) {
            @Override
            protected FieldInfo getFieldInfo(String field) { // the view's, merged once
                return view.fieldInfo(field);
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
}
