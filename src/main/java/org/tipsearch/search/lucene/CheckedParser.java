package org.tipsearch.search.lucene;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.tipsearch.index.Schema;
import org.tipsearch.search.QueryTooBroadException;

/**
 * The classic parser, limited to the schema's fields (named in any case) and to queries that stay cheap; a quoted
 * phrase stays one clause. One parser reads one query: it counts the query's expanding terms.
 */
final class CheckedParser extends QueryParser {

    /**
     * How many wildcard, prefix, fuzzy and range terms a query may hold. Each is expanded to the matching terms
     * of the index before the search can start, and again for the highlighting, which no time budget can stop
     * part-way (a fuzzy word costs a few milliseconds a time).
     */
    static final int MAX_EXPANDING_TERMS = 20;
    /**
     * The longest wildcard or fuzzy word: its automaton grows faster than it (a fuzzy word of 1,500 characters, or
     * "a*" a thousand times, takes half a second to build).
     */
    static final int MAX_PATTERN_LENGTH = 50;

    private static final Map<String, String> FIELDS_BY_LOWER_CASE = Schema.QUERYABLE_FIELDS.stream()
            .collect(Collectors.toMap(f -> f.toLowerCase(Locale.ROOT), Function.identity()));

    private int expandingTerms;

    CheckedParser(Analyzer analyzer) {
        super(Schema.TEXT, analyzer);
        setDefaultOperator(QueryParser.Operator.OR);
        // The analyzer reads "non-punishment" as the graph non→punishment | nonpunishment; each path of
        // several words must match as a phrase, not as "non" OR "punishment".
        setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        setAllowLeadingWildcard(false);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        Query query = super.getFieldQuery(known(field), queryText, quoted);
        return quoted ? onePhrase(query) : query;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return onePhrase(super.getFieldQuery(known(field), queryText, slop));
    }

    /**
     * A quoted phrase the analysis reads as a graph ("Trust-East Africa": trust east | trusteast) comes back as
     * its paths OR-ed; they stay one clause, so that a natural query never takes them for several words of
     * which it requires a share — which made a phrase with two such words require two of its paths. (Unquoted
     * words come back with each graph's paths in a clause of their own already.)
     */
    private static Query onePhrase(Query query) {
        return query instanceof BooleanQuery bq && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)
                ? new BooleanQuery.Builder().add(query, BooleanClause.Occur.SHOULD).build()
                : query;
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        countExpanding();
        requireShortPattern(termStr);
        return super.getWildcardQuery(known(field), termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        countExpanding();
        requireShortPattern(termStr);
        return super.getPrefixQuery(known(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        countExpanding();
        requireShortPattern(termStr);
        return super.getFuzzyQuery(known(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        countExpanding();
        return super.getRangeQuery(known(field), part1, part2, startInclusive, endInclusive);
    }

    private void countExpanding() {
        if (++expandingTerms > MAX_EXPANDING_TERMS) {
            throw new QueryTooBroadException("the query has more than " + MAX_EXPANDING_TERMS
                    + " wildcard, fuzzy or range terms, the most one may have");
        }
    }

    private static void requireShortPattern(String word) {
        if (word.length() > MAX_PATTERN_LENGTH) {
            throw new QueryTooBroadException("a wildcard or fuzzy word is " + word.length()
                    + " characters long; at most " + MAX_PATTERN_LENGTH + " are allowed");
        }
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new Refusal("regular expressions are not supported");
    }

    private static String known(String field) throws ParseException {
        String canonical = FIELDS_BY_LOWER_CASE.get(field.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new Refusal("unknown field '" + field + "'");
        }
        return canonical;
    }

    /** A query refused by this parser's own rules rather than by the grammar; its message is meant for the user. */
    static final class Refusal extends ParseException {
        Refusal(String message) {
            super(message);
        }
    }
}
