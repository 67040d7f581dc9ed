package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.index.Schema;

class QueryReaderTest {

    private final QueryReader reader = new QueryReader(Schema.queryAnalyzer(), TextAnalyzer.forSynonyms(),
            TextAnalyzer.forSynonymGroups());

    /** The minimum-should-match of every boolean query in the tree, outermost first. */
    private static List<Integer> minimumsShouldMatch(Query query) {
        var minimums = new ArrayList<Integer>();
        collect(query, minimums);
        return minimums;
    }

    private static void collect(Query query, List<Integer> minimums) {
        if (query instanceof BoostQuery boost) {
            collect(boost.getQuery(), minimums);
        } else if (query instanceof BooleanQuery bq) {
            minimums.add(bq.getMinimumNumberShouldMatch());
            bq.clauses().stream().map(BooleanClause::query).forEach(q -> collect(q, minimums));
        }
    }

    @Test
    void aSynonymExpansionAsksAsManyWordsAsTheWordsTyped() {
        // Seven words once stop words are dropped, three of which a paragraph must hold. The expansion reads
        // "removal of organs" as its synonyms, one clause among six: it asks three of those too, not two, or two
        // common words alone ("working group") would match through it.
        Query question = reader.read("what did the Working Group recommend on the removal of organs").query();
        assertEquals(List.of(3, 3), minimumsShouldMatch(question).stream().filter(m -> m > 0).toList());
    }

    @Test
    void aSynonymGroupIsAskedForByItsTokenAndMarkedByItsPhrases() {
        QueryReader.ReadQuery question = reader.read("what did the Working Group recommend on the removal of organs");
        Set<Term> asked = termsOf(question.query());
        assertTrue(asked.contains(new Term(Schema.TEXT, TextAnalyzer.synonymGroupToken("organ removal"))), asked.toString());
        assertFalse(asked.contains(new Term(Schema.TEXT, "harvest")), asked.toString());
        Set<Term> marked = termsOf(question.marked());
        assertTrue(marked.contains(new Term(Schema.TEXT, "harvest")), marked.toString());
        assertFalse(marked.contains(new Term(Schema.TEXT, TextAnalyzer.synonymGroupToken("organ removal"))));
    }

    private static Set<Term> termsOf(Query query) {
        var terms = new HashSet<Term>();
        query.visit(QueryVisitor.termCollector(terms));
        return terms;
    }

    @Test
    void wordsAloneCanBeRankedBySkipping() {
        assertTrue(reader.read("victims").wordsOnly());
        assertTrue(reader.read("kind:recommendation children").wordsOnly());
        assertTrue(reader.read("victims -survivors").wordsOnly());
        assertTrue(reader.read("victims -\"forced labour\"").wordsOnly()); // a prohibited phrase ranks nothing
        // a phrase, typed or the proximity boost of several words, a pattern, or no words at all
        assertFalse(reader.read("\"forced labour\"").wordsOnly());
        assertFalse(reader.read("forced labour").wordsOnly());
        assertFalse(reader.read("traffick*").wordsOnly());
        assertFalse(reader.read("").wordsOnly());
    }

    @Test
    void aQuestionOfSingleWordsIsOneDisjunctionWithItsProximityBoost() {
        // seven words, three required; the proximity phrase is an eighth clause, which matches only where all
        // seven are, so it adds no match
        var question = (BooleanQuery) reader.read("how should States avoid punishing victims for crimes").query();
        assertEquals(8, question.clauses().size());
        assertTrue(question.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD));
        assertEquals(1, question.clauses().stream()
                .filter(c -> c.query() instanceof BoostQuery b && b.getQuery() instanceof PhraseQuery p && p.getSlop() > 0)
                .count());
        assertEquals(3, question.getMinimumNumberShouldMatch());
    }

    @Test
    void aQuotedPhraseIsOneClauseHoweverManyPathsItsWordsHave() {
        // "Trust-East Africa" and "non-punishment" each read as two paths: the phrase is four phrases, of which a
        // paragraph needs one (the index holds "trusteast" where the query's path would want it next to "africa")
        var quoted = reader.read("\"non-punishment principle of the Trust-East Africa\"").query();
        var required = new ArrayList<Integer>();
        quoted.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                if (parent instanceof BooleanQuery bq) {
                    required.add(bq.getMinimumNumberShouldMatch());
                }
                return this;
            }
        });
        assertTrue(required.stream().allMatch(n -> n <= 1), quoted + " requires " + required);
    }

    @Test
    void aQuotedPhraseAmongOtherWordsKeepsItsProximityBoostApartFromWhatIsRequired() {
        // the phrase and the word ten apart ("principle of non-punishment … victims") rank higher, and do not match
        var quoted = (BooleanQuery) reader.read("\"non-punishment principle\" victims").query();
        assertTrue(quoted.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST), quoted.toString());
        assertTrue(quoted.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.SHOULD
                && c.query() instanceof BoostQuery), quoted.toString());
    }

    /** A query that is not well-formed syntax says why in the words of its writer, never the parser's grammar. */
    @Test
    void aMalformedQuerySaysWhatIsWrongInPlainWords() {
        var expected = new java.util.LinkedHashMap<String, String>();
        expected.put("\"unbalanced", "a quotation mark is not closed");
        expected.put("victims AND (children", "a bracket is not closed");
        expected.put("victims) AND children", "a closing bracket has no opening one");
        expected.put("year:[2020 TO", "a range in [ ] is not complete: [from TO to]");
        expected.put("victims AND", "AND, OR or NOT has no words on one side");
        expected.put("OR victims", "AND, OR or NOT has no words on one side");
        expected.forEach((typed, why) -> {
            String notice = reader.read(typed).notice();
            assertEquals("The query could not be read as query syntax (" + why
                    + "), so its words were searched as plain words.", notice, typed);
        });
        for (String typed : List.of("foo AND (bar", "topic:[", "\"a\" \"b", "a:", "/unclosed")) {
            String notice = reader.read(typed).notice();
            if (notice != null) {
                assertFalse(notice.contains("Lexical") || notice.contains("Encountered") || notice.contains("Cannot parse")
                        || notice.contains("line 1"), typed + ": " + notice);
            }
        }
    }
}
