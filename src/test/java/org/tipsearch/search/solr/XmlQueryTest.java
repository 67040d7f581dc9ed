package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.document.IntPoint;
import org.junit.jupiter.api.Test;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.index.Schema;

/** Lucene queries in the XML of Solr's {@code {!xmlparser}}: each shape a search reads, and what it refuses. */
class XmlQueryTest {

    private static Term text(String word) {
        return new Term(Schema.TEXT, word);
    }

    @Test
    void aDisjunctionOfWordsKeepsItsMinimumAndItsBoostedPhrase() {
        var query = new BooleanQuery.Builder()
                .add(new TermQuery(text("victim")), Occur.SHOULD)
                .add(new TermQuery(text("organ")), Occur.SHOULD)
                .add(new BoostQuery(new PhraseQuery(10, Schema.TEXT, "victim", "organ"), 2f), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
        assertEquals("<BooleanQuery minimumNumberShouldMatch=\"1\">"
                + "<Clause occurs=\"should\"><TermQuery fieldName=\"text\">victim</TermQuery></Clause>"
                + "<Clause occurs=\"should\"><TermQuery fieldName=\"text\">organ</TermQuery></Clause>"
                + "<Clause occurs=\"should\"><SpanNear slop=\"10\" inOrder=\"false\" boost=\"2.0\">"
                + "<SpanTerm fieldName=\"text\">victim</SpanTerm><SpanTerm fieldName=\"text\">organ</SpanTerm>"
                + "</SpanNear></Clause></BooleanQuery>", XmlQuery.of(query));
    }

    @Test
    void anExactPhraseIsInOrderWithRoomForItsStopWordsGap() {
        // "removal of organs": "of" is a stop word, so organ stands two positions after removal
        var phrase = new PhraseQuery.Builder().add(text("removal"), 0).add(text("organ"), 2).build();
        assertEquals("<SpanNear slop=\"1\" inOrder=\"true\"><SpanTerm fieldName=\"text\">removal</SpanTerm>"
                + "<SpanTerm fieldName=\"text\">organ</SpanTerm></SpanNear>", XmlQuery.of(phrase));
    }

    @Test
    void stackedTermsAreTheirBestAndASynonymGroupIsAskedInItsField() {
        String group = TextAnalyzer.synonymGroupToken("organ-removal");
        assertEquals("<DisjunctionMaxQuery tieBreaker=\"0\" boost=\"0.5\">"
                + "<TermQuery fieldName=\"text\">nonpunishment</TermQuery>"
                + "<TermQuery fieldName=\"groups\">" + group + "</TermQuery></DisjunctionMaxQuery>",
                XmlQuery.of(new BoostQuery(new SynonymQuery.Builder(Schema.TEXT).addTerm(text("nonpunishment"))
                        .addTerm(text(group)).build(), 0.5f)));
        var multi = new MultiPhraseQuery.Builder()
                .add(new Term[] {text("nonpunishment"), text("non")}, 0)
                .add(new Term[] {text("principle")}, 2)
                .build();
        assertEquals("<SpanNear slop=\"1\" inOrder=\"true\"><SpanOr><SpanTerm fieldName=\"text\">nonpunishment"
                + "</SpanTerm><SpanTerm fieldName=\"text\">non</SpanTerm></SpanOr>"
                + "<SpanTerm fieldName=\"text\">principle</SpanTerm></SpanNear>", XmlQuery.of(multi));
    }

    @Test
    void clausesKeepTheirOccurrenceAndTextIsEscaped() {
        var query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.TOPIC, "a<b&\"c\"")), Occur.FILTER)
                .add(new TermQuery(text("x")), Occur.MUST)
                .add(new TermQuery(text("y")), Occur.MUST_NOT)
                .build();
        String xml = XmlQuery.of(query);
        // a facet dimension's keyword is asked of the dimension's keyword field
        assertTrue(xml.contains("<Clause occurs=\"filter\"><TermQuery fieldName=\"topic_keywords\">"
                + "a&lt;b&amp;&quot;c&quot;</TermQuery></Clause>"), xml);
        assertTrue(xml.contains("<Clause occurs=\"must\">") && xml.contains("<Clause occurs=\"mustNot\">"), xml);
    }

    @Test
    void aQueryOfStopWordsMatchesNothingAndNoControlCharacterReachesTheXml() {
        assertEquals("<BooleanQuery/>", XmlQuery.of(new MatchNoDocsQuery()));
        assertEquals("<TermQuery fieldName=\"text\">a\uFFFDb</TermQuery>",
                XmlQuery.of(new TermQuery(text("a\u0001b"))));
    }

    @Test
    void patternsAndFuzzyWordsGoToTheClassicParserWrittenLiterally() {
        assertEquals("<UserQuery fieldName=\"text\">traf?ick*</UserQuery>",
                XmlQuery.of(new WildcardQuery(text("traf?ick*"))));
        assertEquals("<UserQuery fieldName=\"text\">non\\-pun*</UserQuery>", XmlQuery.of(new PrefixQuery(text("non-pun"))));
        assertEquals("<UserQuery fieldName=\"text\">labor~1</UserQuery>", XmlQuery.of(new FuzzyQuery(text("labor"), 1)));
    }

    @Test
    void aQueryTheXmlParserCannotExpressIsRefusedByName() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> XmlQuery.of(IntPoint.newRangeQuery("year", 2010, 2020)));
        assertTrue(refused.getMessage().contains("year:[2010 TO 2020]"), refused.getMessage());
    }
}
