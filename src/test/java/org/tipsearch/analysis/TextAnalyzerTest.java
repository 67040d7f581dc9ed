package org.tipsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tipsearch.index.Schema;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        var out = new ArrayList<String>();
        try (TokenStream ts = analyzer.tokenStream(Schema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void hyphenatedWordsAreFoundByEverySpelling() throws IOException {
        var analyzer = TextAnalyzer.forIndexing();
        assertEquals(List.of("nonpunishment", "non", "punishment", "principle"), terms(analyzer, "the non-punishment principle"));
        assertEquals(List.of("nonpunishment"), terms(analyzer, "Nonpunishment"));
        assertEquals(List.of("non", "punishment"), terms(analyzer, "non punishment"));
    }

    @Test
    void caseDiacriticsPunctuationAndPossessivesAreFolded() throws IOException {
        var analyzer = TextAnalyzer.forQueries();
        assertEquals(List.of("turkiye"), terms(analyzer, "(Türkiye)."));
        assertEquals(terms(analyzer, "Turkiye"), terms(analyzer, "TÜRKIYE"));
        assertEquals(List.of("states", "obligation"), terms(analyzer, "States’ obligations"));
    }

    @Test
    void stemmingKeepsOrgansApartFromOrganizations() throws IOException {
        var analyzer = TextAnalyzer.forIndexing();
        assertEquals(terms(analyzer, "organ"), terms(analyzer, "organs"));
        assertNotEquals(terms(analyzer, "organ"), terms(analyzer, "organizations"));
        assertEquals(terms(analyzer, "organization"), terms(analyzer, "organisations"));
        assertEquals(terms(analyzer, "trafficking"), terms(analyzer, "trafficked"));
    }
}
