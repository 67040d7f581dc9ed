package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
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
            HitHighlighter.marking(UnifiedHighlighter.builderWithoutSearcher(Schema.indexAnalyzer())));

    /** The text's best passages with the query's matches marked, or the text escaped when nothing matches. */
    public String marked(Query query, String text) throws IOException {
        // a query without words on the text shows the text's first sentences, as the embedded highlighter does
        Query onText = Objects.requireNonNullElseGet(onText(query), MatchNoDocsQuery::new);
        Object marked = highlighter.highlightWithoutSearcher(Schema.TEXT, onText, text, HitHighlighter.PASSAGES);
        return marked == null ? Html.escape(text)
                : ((String) marked).replace(HitHighlighter.MARK_END + " " + HitHighlighter.MARK_START, " ");
    }

    /**
     * The query's clauses on the text alone, null if none: the text analysed again is a document of one field, in
     * which a required clause on another field ({@code topic:…}) would match nothing and so mark nothing, where the
     * hit in the index holds it.
     */
    private static Query onText(Query query) {
        return switch (query) {
            case BoostQuery boost -> {
                Query inner = onText(boost.getQuery());
                yield inner == null ? null : new BoostQuery(inner, boost.getBoost());
            }
            case BooleanQuery bool -> {
                var kept = new BooleanQuery.Builder();
                int should = 0;
                for (BooleanClause clause : bool.clauses()) {
                    Query inner = onText(clause.query());
                    if (inner != null) {
                        kept.add(inner, clause.occur());
                        should += clause.occur() == BooleanClause.Occur.SHOULD ? 1 : 0;
                    }
                }
                BooleanQuery built = kept.setMinimumNumberShouldMatch(Math.min(should,
                        bool.getMinimumNumberShouldMatch())).build();
                yield built.clauses().isEmpty() ? null : built;
            }
            default -> QueryReader.fieldsOf(query).contains(Schema.TEXT) ? query : null;
        };
    }
}
