package org.tipsearch.search.lucene;

import java.io.IOException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Html;

/**
 * A query's matches marked in a text that another engine found (a cluster's): the passages and marks of
 * {@link HitHighlighter} (the best sentences, words side by side as one mark, everything else escaped), the text
 * analysed again rather than read through the index's postings. Thread-safe.
 */
public final class TextMarks {

    private final UnifiedHighlighter highlighter = new UnifiedHighlighter(
            UnifiedHighlighter.builderWithoutSearcher(Schema.indexAnalyzer())
                    .withFormatter(new CutPassages(HitHighlighter.MARK_START, HitHighlighter.MARK_END))
                    .withBreakIterator(Sentences::new)
                    .withScorer(new DistinctTermsPassageScorer())
                    .withMaxNoHighlightPassages(HitHighlighter.PASSAGES));

    /** The text's best passages with the query's matches marked, or the text escaped when nothing matches. */
    public String marked(Query query, String text) throws IOException {
        Object marked = highlighter.highlightWithoutSearcher(Schema.TEXT, query, text, HitHighlighter.PASSAGES);
        return marked == null ? Html.escape(text)
                : ((String) marked).replace(HitHighlighter.MARK_END + " " + HitHighlighter.MARK_START, " ");
    }
}
