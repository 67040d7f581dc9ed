package org.tipsearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.tipsearch.index.Schema;
import org.tipsearch.search.lucene.QueryIntent;

/** A ranking's parameters for Solr: the words alone, or their score multiplied by each lift a match matches. */
class LiftedQueryTest {

    private static final TermQuery WORDS = new TermQuery(new Term(Schema.TEXT, "organ"));

    @Test
    void wordsWithoutLiftsAreTheQueryItself() {
        assertEquals(Map.of("q", "{!xmlparser}<TermQuery fieldName=\"text\">organ</TermQuery>"),
                LiftedQuery.params(WORDS, List.of()));
    }

    @Test
    void eachLiftIsAFactorOfTheProduct() {
        var register = new QueryIntent.Lift(new TermQuery(new Term(Schema.STATUS, "adopted")), 1.2f);
        var topic = new QueryIntent.Lift(new TermQuery(new Term(Schema.TOPIC, "organ-removal")), 1.5f);
        Map<String, String> params = LiftedQuery.params(WORDS, List.of(register, topic));
        assertEquals("{!boost b=$lifts v=$words}", params.get("q"));
        assertEquals("product(if(query($lift0),1.2,1),if(query($lift1),1.5,1))", params.get("lifts"));
        assertEquals("{!xmlparser}<TermQuery fieldName=\"topic_keywords\">organ-removal</TermQuery>",
                params.get("lift1"));
        assertEquals("{!xmlparser}<TermQuery fieldName=\"text\">organ</TermQuery>", params.get("words"));
    }
}
