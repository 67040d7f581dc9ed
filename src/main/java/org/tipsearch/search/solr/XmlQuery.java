package org.tipsearch.search.solr;

import java.util.Locale;
import java.util.function.IntConsumer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.index.Schema;

/**
 * A query as tipsearch reads it (a Lucene query of analysed terms) in the XML of Solr's {@code {!xmlparser}}, which
 * takes terms as they are, unanalysed: Solr runs Lucene 9 and tipsearch Lucene 10, so a query crosses as text.
 * Solr's other parsers lack what tipsearch's natural-language queries need (the {@code bool} parser has no
 * minimum-should-match; none takes a query's terms per clause already analysed).
 * <p>
 * The XML parser has no phrase and no synonym query. A phrase is a span of its terms near each other: in order and
 * no farther apart than the phrase's own gaps (a stop word's) when it is exact, in any order within its slop plus
 * its gaps when it is sloppy. Stacked terms (a synonym query, a position of a multi-term phrase) are their
 * disjunction: scored by the best of them where Lucene scores them as one term. A synonym group's token goes to
 * the field Solr holds the groups in ({@link SolrDocuments#GROUPS}), not to the text; a facet dimension's keyword
 * to the dimension's keyword field. A pattern or a fuzzy word goes to the classic query parser the XML parser holds
 * ({@code UserQuery}), its term written literally. Any other query (a range of numbers) is refused with
 * {@link IllegalArgumentException} naming it.
 */
public final class XmlQuery {

    private XmlQuery() {}

    /** The query as the XML Solr's {@code {!xmlparser}} reads. */
    public static String of(Query query) {
        var out = new StringBuilder();
        write(query, 1f, out);
        return out.toString();
    }

    private static void write(Query query, float boost, StringBuilder out) {
        switch (query) {
            case BoostQuery b -> write(b.getQuery(), boost * b.getBoost(), out);
            case TermQuery t -> term(t.getTerm(), boost, out);
            case BooleanQuery b -> bool(b, boost, out);
            case SynonymQuery s -> disjunction(s.getTerms().toArray(Term[]::new), boost, out);
            case PhraseQuery p when p.getTerms().length == 1 -> term(p.getTerms()[0], boost, out);
            case MultiPhraseQuery m when m.getTermArrays().length == 1 -> disjunction(m.getTermArrays()[0], boost, out);
            case PhraseQuery p -> near(p.getTerms().length, p.getPositions(), p.getSlop(), boost, out,
                    i -> spanTerm(p.getTerms()[i], out));
            case MultiPhraseQuery m -> near(m.getTermArrays().length, m.getPositions(), m.getSlop(), boost, out, i -> {
                Term[] stacked = m.getTermArrays()[i];
                if (stacked.length == 1) {
                    spanTerm(stacked[0], out);
                } else {
                    out.append("<SpanOr>");
                    for (Term term : stacked) {
                        spanTerm(term, out);
                    }
                    out.append("</SpanOr>");
                }
            });
            case MatchAllDocsQuery m -> wrapped(boost, out, () -> out.append("<MatchAllDocsQuery/>"));
            case MatchNoDocsQuery m -> out.append("<BooleanQuery/>"); // no clause: nothing (a query of stop words)
            case TermRangeQuery r -> wrapped(boost, out, () -> out.append("<RangeQuery fieldName=\"")
                    .append(escape(field(r.getField()))).append('"')
                    .append(bound("lowerTerm", r.getLowerTerm())).append(bound("upperTerm", r.getUpperTerm()))
                    .append(" includeLower=\"").append(r.includesLower()).append("\" includeUpper=\"")
                    .append(r.includesUpper()).append("\"/>"));
            // Patterns go to the classic query parser of Solr's XML queries, their terms as the reader wrote them (a
            // wildcard's own escapes, backslashes, kept).
            case PrefixQuery p -> userQuery(p.getField(), parserEscaped(p.getPrefix().text(), "") + "*", boost, out);
            case WildcardQuery w -> userQuery(w.getField(), parserEscaped(w.getTerm().text(), "*?\\"), boost, out);
            case FuzzyQuery f -> userQuery(f.getField(), parserEscaped(f.getTerm().text(), "") + "~" + f.getMaxEdits(),
                    boost, out);
            default -> throw new IllegalArgumentException("the cluster engine cannot search a "
                    + query.getClass().getSimpleName() + " (" + query + ")");
        }
    }

    private static void userQuery(String field, String parsed, float boost, StringBuilder out) {
        wrapped(boost, out, () -> out.append("<UserQuery fieldName=\"").append(escape(field(field))).append("\">")
                .append(escape(parsed)).append("</UserQuery>"));
    }

    /** A term as the classic query parser reads it literally: its syntax characters escaped, but for {@code kept}. */
    private static String parserEscaped(String text, String kept) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (kept.indexOf(c) < 0 && "\\+-!():^[]\"{}~*?|&/ ".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A range's bound as an attribute; none for an open end. */
    private static String bound(String name, BytesRef term) {
        return term == null ? "" : " " + name + "=\"" + escape(term.utf8ToString()) + '"';
    }

    private static void term(Term term, float boost, StringBuilder out) {
        out.append("<TermQuery fieldName=\"").append(field(term)).append('"').append(boost(boost)).append('>')
                .append(escape(term.text())).append("</TermQuery>");
    }

    /** Stacked terms: the best of them. */
    private static void disjunction(Term[] terms, float boost, StringBuilder out) {
        out.append("<DisjunctionMaxQuery tieBreaker=\"0\"").append(boost(boost)).append('>');
        for (Term term : terms) {
            term(term, 1f, out);
        }
        out.append("</DisjunctionMaxQuery>");
    }

    private static void spanTerm(Term term, StringBuilder out) {
        out.append("<SpanTerm fieldName=\"").append(field(term)).append("\">").append(escape(term.text()))
                .append("</SpanTerm>");
    }

    /**
     * The Solr field a term is in: a synonym group's token is in the groups' field, a facet dimension's keyword in
     * the dimension's keyword field.
     */
    private static String field(Term term) {
        boolean group = term.field().equals(Schema.TEXT)
                && term.text().startsWith(TextAnalyzer.synonymGroupToken(""));
        return escape(group ? SolrDocuments.GROUPS : field(term.field()));
    }

    private static String field(String field) {
        return SolrDocuments.isFacet(field) ? SolrDocuments.keywordField(field) : field;
    }

    private static void bool(BooleanQuery query, float boost, StringBuilder out) {
        out.append("<BooleanQuery");
        if (query.getMinimumNumberShouldMatch() > 0) {
            out.append(" minimumNumberShouldMatch=\"").append(query.getMinimumNumberShouldMatch()).append('"');
        }
        out.append(boost(boost)).append('>');
        for (BooleanClause clause : query.clauses()) {
            out.append("<Clause occurs=\"").append(switch (clause.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "mustNot";
                case FILTER -> "filter";
            }).append("\">");
            write(clause.query(), 1f, out);
            out.append("</Clause>");
        }
        out.append("</BooleanQuery>");
    }

    /**
     * Positions {@code 0..count-1} as a span: exact (slop 0) in order, with room for the gaps between the
     * positions; sloppy in any order, with room for the slop and the gaps.
     */
    private static void near(int count, int[] positions, int slop, float boost, StringBuilder out,
            IntConsumer position) {
        int gaps = positions[count - 1] - positions[0] - (count - 1);
        out.append("<SpanNear slop=\"").append(slop + gaps).append("\" inOrder=\"").append(slop == 0).append('"')
                .append(boost(boost)).append('>');
        for (int i = 0; i < count; i++) {
            position.accept(i);
        }
        out.append("</SpanNear>");
    }

    /** A query whose element takes no boost, boosted as the one clause of a boolean query. */
    private static void wrapped(float boost, StringBuilder out, Runnable element) {
        if (boost == 1f) {
            element.run();
            return;
        }
        out.append("<BooleanQuery").append(boost(boost)).append("><Clause occurs=\"must\">");
        element.run();
        out.append("</Clause></BooleanQuery>");
    }

    private static String boost(float boost) {
        return boost == 1f ? "" : " boost=\"" + String.format(Locale.ROOT, "%s", boost) + '"';
    }

    private static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                // what XML 1.0 cannot hold (control characters) stands as U+FFFD: the term then matches nothing
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                        ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
