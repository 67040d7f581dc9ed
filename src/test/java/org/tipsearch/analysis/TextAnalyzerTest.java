package org.tipsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
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
        assertEquals(List.of("nonpunishment", "non", "punish", "principle"), terms(analyzer, "the non-punishment principle"));
        assertEquals(List.of("nonpunishment"), terms(analyzer, "Nonpunishment"));
        assertEquals(List.of("non", "punish"), terms(analyzer, "non punishment"));
        // the curator's stem overrides join what KStem keeps apart: "punish" finds punishment and non-punishment
        assertEquals(List.of("punish", "punish", "punish", "punish"), terms(analyzer, "punish punished punishment punishments"));
    }

    @Test
    void aPhraseOfASynonymGroupIsReadAsTheGroupsToken() throws IOException {
        var analyzer = TextAnalyzer.forSynonymGroups();
        String organRemoval = TextAnalyzer.synonymGroupToken("organ removal");
        assertEquals(List.of("what", "did", "working", "group", "recommend", organRemoval),
                terms(analyzer, "what did the Working Group recommend on the removal of organs"));
        assertEquals(List.of(organRemoval, "case"), terms(analyzer, "Trafficking in organs cases"));
        // the longest entry wins: the Protocol, not trafficking in persons followed by "protocol"
        assertEquals(List.of(TextAnalyzer.synonymGroupToken("tip protocol")),
                terms(analyzer, "the Trafficking in Persons Protocol"));
        assertEquals(List.of("organ", "trade"), terms(analyzer, "organ trade"));
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

    /**
     * The stems from the cache are those of the two filters it stands for, on every word of the bundled reports,
     * whether stemmed anew or taken from the cache, and with four threads sharing a cache of a few slots, where
     * words keep taking each other's slots.
     */
    @Test
    void cachedStemsAreThoseOfTheOverridesAndKStem() throws Exception {
        String text = String.join("\n", reportTexts()) + " trafficked retrafficked States’ organisations";
        Function<TokenStream, TokenStream> uncached = words ->
                new KStemFilter(new StemmerOverrideFilter(words, TextAnalyzer.STEM_OVERRIDES));
        List<String> expected = tokens(stemmed(text, uncached));
        var cache = new CachedStemFilter.Cache();
        Function<TokenStream, TokenStream> cached = words -> new CachedStemFilter(words, TextAnalyzer.STEM_OVERRIDES, cache);
        assertEquals(expected, tokens(stemmed(text, cached)), "stemmed anew");
        assertEquals(expected, tokens(stemmed(text, cached)), "from the cache");
        var small = new CachedStemFilter.Cache(64);
        Function<TokenStream, TokenStream> shared = words -> new CachedStemFilter(words, TextAnalyzer.STEM_OVERRIDES, small);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            var runs = new ArrayList<Future<List<String>>>();
            for (int i = 0; i < 8; i++) {
                runs.add(threads.submit(() -> tokens(stemmed(text, shared))));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(expected, run.get(), "from a cache shared by threads");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Curly apostrophes read as straight ones and soft hyphens as nothing: the same words as the plain text, with
     * offsets into the text as written (a highlight marks the word as the report prints it).
     */
    @Test
    void typographicMarksReadAsThePlainCharacters() throws IOException {
        var analyzer = TextAnalyzer.forIndexing();
        String written = "States\u2019 \u2018victims\u2019 traf\u00ADficking non-pun\u00ADishment";
        String plain = "States' 'victims' trafficking non-punishment";
        assertEquals(terms(analyzer, plain), terms(analyzer, written));
        try (TokenStream stream = analyzer.tokenStream(Schema.TEXT, written)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            boolean found = false;
            while (stream.incrementToken()) {
                if (term.toString().startsWith("traffick")) {
                    assertEquals("traf\u00ADficking", written.substring(offsets.startOffset(), offsets.endOffset()));
                    found = true;
                }
            }
            stream.end();
            assertTrue(found);
        }
    }

    private static TokenStream stemmed(String text, Function<TokenStream, TokenStream> stemmer) {
        var words = new WhitespaceTokenizer();
        words.setReader(new StringReader(text));
        return stemmer.apply(new LowerCaseFilter(words));
    }

    private static List<String> reportTexts() throws IOException {
        var texts = new ArrayList<String>();
        try (var files = Files.list(Path.of("index-data/reports"))) {
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        return texts;
    }

    /** Every token with its position length and offsets; position gaps are compared on their own. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        return tokens(stream, increment -> Math.min(increment, 1));
    }

    /** Every token with its position increment as the given function reports it, its position length and offsets. */
    private static List<String> tokens(TokenStream stream, IntUnaryOperator increments) throws IOException {
        var out = new ArrayList<String>();
        try (TokenStream ts = stream) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + increments.applyAsInt(increment.getPositionIncrement()) + "/" + length.getPositionLength()
                        + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
        }
        return out;
    }

    private static TokenStream delimited(String text, boolean shortcut, boolean flatten, int flags) {
        var words = new WhitespaceTokenizer();
        words.setReader(new StringReader(text));
        Function<TokenStream, TokenStream> delimiter = in -> {
            TokenStream parts = new WordDelimiterGraphFilter(in, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, flags, null);
            return flatten ? new FlattenGraphFilter(parts) : parts;
        };
        return shortcut ? new TextAnalyzer.DelimitedWords(words, delimiter) : delimiter.apply(words);
    }

    /**
     * The same tokens, offsets and graph as when every word goes through the delimiter, but for one difference:
     * a word of punctuation alone (a dash, a bullet) leaves no gap in the positions, as with Lucene's standard
     * tokenizer, which does not make it a token.
     */
    @Test
    void wordsWithoutDelimitersSkipTheDelimiterUnchanged() throws IOException {
        var texts = new ArrayList<>(reportTexts());
        texts.add("non-punishment (Türkiye). States’ G20 co-operation 2023/24 ªº ²³ x́ \uD83D\uDE00ok e.g. -- ' 's");
        int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
        for (String text : texts) {
            for (int catenate : new int[] {0, WordDelimiterGraphFilter.CATENATE_WORDS}) {
                for (boolean flatten : new boolean[] {true, false}) {
                    assertEquals(tokens(delimited(text, false, flatten, flags | catenate)),
                            tokens(delimited(text, true, flatten, flags | catenate)));
                }
            }
        }
    }
}
