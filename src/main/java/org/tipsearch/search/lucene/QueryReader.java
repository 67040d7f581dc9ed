package org.tipsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.curation.CuratorFiles;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;

/**
 * Reads what a user typed into a Lucene query. The syntax is the classic one (phrases, AND/OR/NOT, +/-,
 * {@code field:value}, suffix wildcards, fuzzy {@code ~}), read by the {@link CheckedParser}. Plain words are a
 * natural-language query (see {@link #natural}).
 * It is lenient: a query that does not parse is searched as its plain words, with a notice saying so.
 */
public final class QueryReader {

    /**
     * The query to run; the query whose matches a hit's highlight marks, which is the same but for the proximity
     * boost of a natural-language query (it would mark the whole stretch between the words it found near each
     * other as one match, unrelated words included); a notice when it was read differently from how it was
     * written; its words as plain text (what a semantic search embeds); and the field:value filters it holds
     * (null for none), which a semantic search must keep too.
     */
    public record ReadQuery(Query query, Query marked, String notice, String words, Query filter) {
        /** Whether the query asks for words of the text at all, so that its meaning can be searched too. */
        public boolean asksForText() {
            return fieldsOf(query).contains(Schema.TEXT);
        }

        /**
         * Whether the query asks for words alone, no phrases and no patterns (prohibited clauses aside, which rank
         * nothing): a ranking of it can skip the blocks of matches that cannot make the page (block-max WAND).
         */
        boolean wordsOnly() {
            var wordsOnly = new boolean[] {true};
            query.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query leaf, Term... terms) {
                    wordsOnly[0] &= leaf instanceof TermQuery || leaf instanceof SynonymQuery;
                }

                @Override
                public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                    wordsOnly[0] = false;
                }

                @Override
                public void visitLeaf(Query leaf) {
                    wordsOnly[0] = false;
                }
            });
            return wordsOnly[0];
        }
    }

    // A natural-language query's paragraphs seldom hold all its words: requiring every word, or two of three,
    // loses many of them (./tipsearch eval); the proximity boost ranks those holding them close together first.
    /** The share of a natural-language query's words a paragraph must hold (at least one). */
    private static final double MINIMUM_SHARE = 0.3;
    /** How far apart the query's words may stand and still earn the proximity boost. */
    private static final int PHRASE_SLOP = 10;
    private static final float PHRASE_BOOST = 2f;

    /** Query syntax that the plain-words reading drops: ':' quotes brackets ^ ~ * ? \\ / ! && || and a leading + or -. */
    private static final Pattern SYNTAX = Pattern.compile("[:\"(){}\\[\\]^~*?\\\\/!]|&&|\\|\\||(?<!\\S)[+-]");


    /** A field:value or field:"value" in the typed query, which is no part of its meaning. */
    private static final Pattern FIELD_VALUE = Pattern.compile("\\b\\w+:(?:\"[^\"]*\"|\\S+)");
    /** AND, OR, NOT as operators. */
    private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT)\\b");
    /** A paragraph found through a synonym alone counts this much of one found through the words typed. */
    private static final float SYNONYM_WEIGHT = 0.5f;

    private final Analyzer analyzer;
    private final Analyzer synonymAnalyzer;
    private final Analyzer synonymGroupAnalyzer;
    private final Pattern joinedPrefixes;

    /**
     * @param synonymAnalyzer      reads a phrase of a synonym group as the group's phrases ({@code
     *                             TextAnalyzer.forSynonyms()}), which a highlight marks
     * @param synonymGroupAnalyzer reads it as the group's name ({@code TextAnalyzer.forSynonymGroups()}), which a
     *                             search asks for
     */
    QueryReader(Analyzer analyzer, Analyzer synonymAnalyzer, Analyzer synonymGroupAnalyzer) {
        this.analyzer = analyzer;
        this.synonymAnalyzer = synonymAnalyzer;
        this.synonymGroupAnalyzer = synonymGroupAnalyzer;
        this.joinedPrefixes = Pattern.compile("(?i)\\b(" + String.join("|", loadPrefixes()) + ")\\s+(?=\\p{L})");
    }

    private static List<String> loadPrefixes() {
        return CuratorFiles.lines(QueryReader.class, "joined-prefixes.txt").stream().map(Pattern::quote).toList();
    }

    /** The reader a search uses: the query analysis of the index's schema, with the curator's synonyms. */
    public static QueryReader standard() {
        return new QueryReader(Schema.queryAnalyzer(), TextAnalyzer.forSynonyms(), TextAnalyzer.forSynonymGroups());
    }

    /**
     * The words a search of the request asks for, as its intent says: a question searched by its words alone
     * requires fewer of them (see {@link WordsRequired#QUESTION_BY_WORDS}).
     */
    public ReadQuery read(QueryIntent intent, SearchRequest request) {
        return read(intent.searched(), intent.kind() == QueryIntent.Kind.QUESTION
                && request.mode() == SearchMode.BM25 && request.scope() == Scope.UNITS
                        ? WordsRequired.QUESTION_BY_WORDS : WordsRequired.USUAL);
    }

    /** The typed query read as a search reads it, a natural-language query requiring the usual share of its words. */
    public ReadQuery read(String typed) {
        return read(typed, WordsRequired.USUAL);
    }

    /**
     * How many of a natural-language query's words a paragraph must hold, for a number of words: a share of them
     * (at least one), at most {@code most}.
     */
    record WordsRequired(double share, int most) {
        static final WordsRequired USUAL = new WordsRequired(MINIMUM_SHARE, Integer.MAX_VALUE);
        /**
         * A question in the user's own words searched by its words alone: the usual share of its analysed words, but
         * never more than two, as its paragraphs use other words for the rest (one word would rank a little better
         * still, but nearly every paragraph would match a long question). A hybrid search's meaning side reaches
         * them instead: loosening its words too lowered it.
         */
        static final WordsRequired QUESTION_BY_WORDS = new WordsRequired(MINIMUM_SHARE, 2);

        int of(int words) {
            return Math.min(most, minimumShouldMatch(words, share));
        }
    }

    /** As {@link #read(String)}, a natural-language query requiring as many of its words as {@code required} says. */
    ReadQuery read(String typed, WordsRequired required) {
        if (typed.isBlank()) {
            return new ReadQuery(new MatchAllDocsQuery(), new MatchAllDocsQuery(), null, "", null);
        }
        String text = joinPrefixes(typed);
        try {
            Query parsed = new CheckedParser(analyzer).parse(text);
            return nonEmpty(natural(parsed, text, required), null, FIELD_VALUE.matcher(typed).replaceAll(" ").strip(),
                    fieldFilter(parsed));
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            String words = SYNTAX.matcher(text).replaceAll(" ");
            Query plain = new QueryBuilder(analyzer).createBooleanQuery(Schema.TEXT, words, BooleanClause.Occur.SHOULD);
            return nonEmpty(natural(plain, words, required), "The query could not be read as query syntax ("
                    + SyntaxTrouble.of(text, e) + "), so its words were searched as plain words.", words.strip(), null);
        }
    }

    /** "non punishment" → "non-punishment", for the prefixes in {@code joined-prefixes.txt}. */
    private String joinPrefixes(String text) {
        return joinedPrefixes.matcher(text).replaceAll("$1-");
    }

    /**
     * Words without operators read as a natural-language query: a paragraph must hold some of them (one of up
     * to three, then about a third), and paragraphs holding more of them, close together, rank higher.
     */
    private Natural natural(Query parsed, String text, WordsRequired required) {
        if (!(parsed instanceof BooleanQuery bq)
                || bq.clauses().stream().anyMatch(c -> c.occur() != BooleanClause.Occur.SHOULD)) {
            return expanded(parsed, null, text, 1);
        }
        // field:value words narrow the search ("kind:recommendation child"); the others are the natural query.
        var ranked = new BooleanQuery.Builder();
        var words = new ArrayList<Query>();
        for (BooleanClause clause : bq.clauses()) {
            if (onTextOnly(clause.query())) {
                words.add(clause.query());
            } else {
                ranked.add(clause.query(), BooleanClause.Occur.MUST);
            }
        }
        int wordsRequired = required.of(words.size());
        Query phrase = words.size() < 2 ? null
                : new QueryBuilder(analyzer).createPhraseQuery(Schema.TEXT, text, PHRASE_SLOP);
        Query proximity = phrase == null ? null : new BoostQuery(phrase, PHRASE_BOOST);
        boolean singleWords = words.stream().allMatch(w -> w instanceof TermQuery || w instanceof SynonymQuery);
        if (!words.isEmpty() && singleWords && words.size() == bq.clauses().size()) {
            // Single words alone are one disjunction, the proximity boost a clause of it: the phrase matches only
            // where all its words are, so it finds nothing more. (A quoted or hyphenated phrase among the words
            // would not imply the phrase of its words ten apart.) Lucene scores such a disjunction a window of
            // documents at a time, and a disjunction nested in a conjunction document by document, more slowly.
            var disjunction = new BooleanQuery.Builder();
            words.forEach(w -> disjunction.add(w, BooleanClause.Occur.SHOULD));
            if (proximity != null) {
                disjunction.add(proximity, BooleanClause.Occur.SHOULD);
            }
            disjunction.setMinimumNumberShouldMatch(wordsRequired);
            return expanded(disjunction.build(), proximity, text, wordsRequired);
        }
        if (!words.isEmpty()) {
            var core = new BooleanQuery.Builder();
            words.forEach(w -> core.add(w, BooleanClause.Occur.SHOULD));
            core.setMinimumNumberShouldMatch(wordsRequired);
            ranked.add(core.build(), BooleanClause.Occur.MUST);
        }
        if (proximity != null) {
            ranked.add(proximity, BooleanClause.Occur.SHOULD);
        }
        return expanded(ranked.build(), proximity, text, wordsRequired);
    }

    /** A natural-language query to rank by, and the query whose matches a hit's highlight marks. */
    private record Natural(Query ranked, Query marked) {

        /** The query without the clause (the very one), wherever it stands in the query's boolean queries. */
        private static Query without(Query query, Query clause) {
            if (query instanceof BoostQuery boost) {
                return new BoostQuery(without(boost.getQuery(), clause), boost.getBoost());
            }
            if (!(query instanceof BooleanQuery bq)) {
                return query;
            }
            var kept = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            bq.clauses().stream()
                    .filter(c -> c.query() != clause)
                    .forEach(c -> kept.add(without(c.query(), clause), c.occur()));
            return kept.build();
        }
    }

    /**
     * The query, or else its words read with the curator's synonyms ("TIP" also finds "trafficking in persons").
     * The expansion only adds: a paragraph matching the words as typed keeps its rank, and one matching a synonym
     * alone ranks below it. Queries with syntax other than plain words are not expanded. A search asks for a synonym
     * group by its name, the groups enrichment found in each unit (one term, where each of the group's phrases would
     * have its words' positions read wherever they all are); a highlight marks the group's phrases. The highlight's
     * query has no proximity boost (null for none).
     */
    private Natural expanded(Query query, Query proximity, String text, int wordsRequired) {
        Query marked = proximity == null ? query : Natural.without(query, proximity);
        if (!isPlainWords(text) || !hasSynonyms(text)) {
            return new Natural(query, marked);
        }
        return new Natural(withSynonyms(query, text, wordsRequired, new QueryBuilder(synonymGroupAnalyzer)),
                withSynonyms(marked, text, wordsRequired, new QueryBuilder(synonymAnalyzer)));
    }

    /**
     * The query or its words read with synonyms by the builder.
     *
     * @param wordsRequired how many of the typed words a paragraph must hold; the expansion asks as many of its
     *                      own (a synonym counting one), or it would match more loosely than the words typed: two
     *                      common words of a long question, found in a third of a large corpus
     */
    private static Query withSynonyms(Query query, String text, int wordsRequired, QueryBuilder builder) {
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true); // "organ harvesting" as a phrase, not two words
        Query expanded = builder.createBooleanQuery(Schema.TEXT, text, BooleanClause.Occur.SHOULD);
        if (expanded instanceof BooleanQuery bq && bq.clauses().size() > 1) {
            var core = new BooleanQuery.Builder();
            bq.clauses().forEach(core::add);
            core.setMinimumNumberShouldMatch(Math.min(bq.clauses().size(), wordsRequired));
            expanded = core.build();
        }
        if (expanded == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(expanded, SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static boolean isPlainWords(String text) {
        return !SYNTAX.matcher(text).find() && !OPERATOR.matcher(text).find();
    }

    /** Whether any of the curator's synonyms applies to the text. */
    private boolean hasSynonyms(String text) {
        try (TokenStream ts = synonymAnalyzer.tokenStream(Schema.TEXT, text)) {
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            boolean found = false;
            while (ts.incrementToken()) {
                found |= SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
            }
            ts.end();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query in memory failed", e);
        }
    }

    /** The field:value clauses of a plain query ("kind:recommendation child"), all required; null if none. */
    private static Query fieldFilter(Query parsed) {
        if (!(parsed instanceof BooleanQuery bq)
                || bq.clauses().stream().anyMatch(c -> c.occur() != BooleanClause.Occur.SHOULD)) {
            return null;
        }
        var filter = new BooleanQuery.Builder();
        boolean any = false;
        for (BooleanClause clause : bq.clauses()) {
            if (!onTextOnly(clause.query())) {
                filter.add(clause.query(), BooleanClause.Occur.FILTER);
                any = true;
            }
        }
        return any ? filter.build() : null;
    }

    /** Whether every term of the query is on the unit text (not a field:value filter). */
    private static boolean onTextOnly(Query query) {
        return fieldsOf(query).equals(Set.of(Schema.TEXT));
    }

    /** The fields a query asks of. */
    static Set<String> fieldsOf(Query query) {
        var fields = new HashSet<String>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return false;
            }
        });
        return fields;
    }

    static int minimumShouldMatch(int clauses) {
        return minimumShouldMatch(clauses, MINIMUM_SHARE);
    }

    private static int minimumShouldMatch(int clauses, double share) {
        return Math.max(1, (int) Math.ceil(clauses * share));
    }

    private static ReadQuery nonEmpty(Natural query, String notice, String words, Query filter) {
        boolean empty = query.ranked() == null
                || query.ranked() instanceof BooleanQuery bq && bq.clauses().isEmpty();
        if (empty) {
            return new ReadQuery(new MatchNoDocsQuery(), new MatchNoDocsQuery(), "The query has no searchable words.",
                    words, null);
        }
        return new ReadQuery(query.ranked(), query.marked(), notice, words, filter);
    }
}
