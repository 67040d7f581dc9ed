package org.tipsearch.search;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.tipsearch.index.Schema;

/**
 * Reads what a user typed into a Lucene query. The syntax is the classic one (phrases, AND/OR/NOT, +/-,
 * {@code field:value}, suffix wildcards, fuzzy {@code ~}); all words must match unless OR says otherwise.
 * It is lenient: a query that does not parse is searched as its plain words, with a notice saying so.
 */
final class QueryReader {

    /** The query to run, and a notice when it was read differently from how it was written. */
    record ReadQuery(Query query, String notice) {}

    private static final Map<String, String> FIELDS_BY_LOWER_CASE = Schema.QUERYABLE_FIELDS.stream()
            .collect(Collectors.toMap(f -> f.toLowerCase(Locale.ROOT), Function.identity()));

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    ReadQuery read(String text) {
        if (text.isBlank()) {
            return new ReadQuery(new MatchAllDocsQuery(), null);
        }
        try {
            return nonEmpty(new CheckedParser(analyzer).parse(text), null);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            Query plain = new QueryBuilder(analyzer).createBooleanQuery(Schema.TEXT, text, BooleanClause.Occur.MUST);
            return nonEmpty(plain, "The query could not be read as query syntax (" + reason(e)
                    + "), so its words were searched as plain words.");
        }
    }

    private static ReadQuery nonEmpty(Query query, String notice) {
        boolean empty = query == null
                || query instanceof BooleanQuery bq && bq.clauses().isEmpty();
        if (empty) {
            return new ReadQuery(new MatchNoDocsQuery(), "The query has no searchable words.");
        }
        return new ReadQuery(query, notice);
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The parser's own messages list every token it expected; the first line says what went wrong.
        String firstLine = message.lines().findFirst().orElse(message).strip();
        return firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine;
    }

    /** The classic parser, limited to the schema's fields and to queries that stay cheap. */
    private static final class CheckedParser extends QueryParser {
        CheckedParser(Analyzer analyzer) {
            super(Schema.TEXT, analyzer);
            setDefaultOperator(QueryParser.Operator.AND);
            // The analyzer reads "non-punishment" as the graph non→punishment | nonpunishment; each path of
            // several words must match as a phrase, not as "non" OR "punishment".
            setAutoGenerateMultiTermSynonymsPhraseQuery(true);
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return super.getFieldQuery(known(field), queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            return super.getFieldQuery(known(field), queryText, slop);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(known(field), termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(known(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(known(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                boolean endInclusive) throws ParseException {
            return super.getRangeQuery(known(field), part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not supported");
        }

        private static String known(String field) throws ParseException {
            String canonical = FIELDS_BY_LOWER_CASE.get(field.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                throw new ParseException("unknown field '" + field + "'");
            }
            return canonical;
        }
    }
}
