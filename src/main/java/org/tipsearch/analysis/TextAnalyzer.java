package org.tipsearch.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.tipsearch.curation.CuratorFiles;

/**
 * The English analysis of report text, the same for indexing and for queries.
 *
 * <ul>
 *   <li>Words are split at white space, then {@link WordDelimiterGraphFilter} splits them at hyphens and
 *       punctuation and also emits the joined form, so "non-punishment", "non punishment" and "nonpunishment"
 *       all meet.</li>
 *   <li>Case and diacritics are folded (Türkiye = Turkiye), curly apostrophes read as straight ones and the
 *       English possessive dropped.</li>
 *   <li>KStem rather than Porter: Porter makes "organization" and "organ" one stem, which would mix up the
 *       many organizations of the reports with organ removal.</li>
 * </ul>
 * The index side flattens the token graph, as the index cannot store one; queries keep the graph so that
 * the query parser can build exact phrase alternatives from it. Enrichment rules keep the stop words, so that
 * "not be punished" is told from "be punished".
 */
public final class TextAnalyzer extends Analyzer {

    /** What the analysis reads each typographic mark as: curly apostrophes as straight ones, soft hyphens as nothing. */
    public static final Map<String, String> TYPOGRAPHIC_MARKS = Map.of("\u2019", "'", "\u2018", "'", "\u00AD", "");
    static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();
    private static final List<SynonymGroup> SYNONYM_GROUPS = SynonymGroup.load();
    private static final SynonymMap SYNONYMS = synonymMap(false);
    private static final SynonymMap GROUP_NAMES = synonymMap(true);
    /** Starts a token naming a synonym group; analysis of text never makes one (it splits words at punctuation). */
    private static final String GROUP_MARK = "synonym-group:";
    private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final boolean catenate;
    private final boolean flattenGraph;
    private final boolean dropStopWords;
    private final boolean stem;
    private final SynonymMap synonyms;
    private final CachedStemFilter.Cache stems = new CachedStemFilter.Cache();

    private TextAnalyzer(boolean catenate, boolean flattenGraph, boolean dropStopWords, boolean stem, SynonymMap synonyms) {
        this.catenate = catenate;
        this.flattenGraph = flattenGraph;
        this.dropStopWords = dropStopWords;
        this.stem = stem;
        this.synonyms = synonyms;
    }

    public static TextAnalyzer forIndexing() {
        return new TextAnalyzer(true, true, true, true, null);
    }

    public static TextAnalyzer forQueries() {
        return new TextAnalyzer(true, false, true, true, null);
    }

    /**
     * For expanding a query with the curator's synonyms ({@code synonyms.txt}) through Lucene's synonym graph.
     * The parts of a hyphenated word are not joined here, as the synonym graph must not follow another graph.
     */
    public static TextAnalyzer forSynonyms() {
        return new TextAnalyzer(false, false, true, true, SYNONYMS);
    }

    /**
     * For reading a query's phrases of the curator's synonym groups as the tokens naming the groups ("removal of
     * organs" as one token), which the index holds for each mention enrichment found (see {@link #synonymGroupToken}).
     */
    public static TextAnalyzer forSynonymGroups() {
        return new TextAnalyzer(false, false, true, true, GROUP_NAMES);
    }

    /** The token that stands for a mention of the synonym group in the index and in {@link #forSynonymGroups()}. */
    public static String synonymGroupToken(String groupName) {
        return GROUP_MARK + groupName;
    }

    /**
     * The fingerprint of the curator's files the analysis reads at indexing (stem overrides, synonym groups): an index
     * built before an edit of them holds stems and mentions the searches no longer ask for.
     */
    public static String curatorFingerprint() {
        return CuratorFiles.fingerprint(TextAnalyzer.class, "stem-overrides.txt", "synonyms.txt");
    }

    /** For matching curator phrases against unit text: a flat token stream that keeps every word. */
    public static TextAnalyzer forRules() {
        return new TextAnalyzer(true, true, false, true, null);
    }

    /** For matching names (States, organizations): like {@link #forRules()} but unstemmed, so Germán is not Germany. */
    public static TextAnalyzer forNames() {
        return new TextAnalyzer(true, true, false, false, null);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(TypographicMarks.MAP, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream stream = new DelimitedWords(source, words -> {
            // Offsets of the parts are their own, so highlights mark "Türkiye", not "(Türkiye).".
            TokenStream parts = new WordDelimiterGraphFilter(words, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                    catenate ? WORD_DELIMITER_FLAGS | WordDelimiterGraphFilter.CATENATE_WORDS : WORD_DELIMITER_FLAGS, null);
            return flattenGraph ? new FlattenGraphFilter(parts) : parts;
        });
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stem) {
            stream = new CachedStemFilter(stream, STEM_OVERRIDES, stems);
        }
        if (synonyms != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        // Stop words go last, so that synonyms such as "trafficking in persons" can be matched whole.
        if (dropStopWords) {
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** Curator-editable corrections of the stemmer, from {@code stem-overrides.txt}. */
    private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
        var builder = new StemmerOverrideFilter.Builder(false);
        for (String line : CuratorFiles.lines(TextAnalyzer.class, "stem-overrides.txt")) {
            String[] pair = line.split("\\s+");
            if (pair.length != 2) {
                throw new IllegalStateException("stem-overrides.txt: expected 'word<TAB>stem': " + line);
            }
            builder.add(pair[0], pair[1]);
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("stem-overrides.txt cannot be built", e);
        }
    }

    /**
     * The curator's synonyms, read through the query analysis without synonyms and stop words: each entry of a group
     * leads to every entry of it, or to a token naming the group.
     */
    private static SynonymMap synonymMap(boolean toGroupNames) {
        var builder = new SynonymMap.Parser(true, new TextAnalyzer(false, false, false, true, null)) {
            @Override
            public void parse(Reader in) {
                throw new UnsupportedOperationException("the groups are read by SynonymGroup");
            }
        };
        var groupOf = new HashMap<CharsRef, String>();
        try {
            for (SynonymGroup group : SYNONYM_GROUPS) {
                var entries = new ArrayList<CharsRef>();
                for (String entry : group.entries()) {
                    CharsRef words = builder.analyze(entry, new CharsRefBuilder());
                    if (Arrays.stream(words.toString().split(String.valueOf(SynonymMap.WORD_SEPARATOR)))
                            .allMatch(word -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word))) {
                        // a search drops stop words, and a mention must stand on a word the index holds
                        throw new IllegalArgumentException("'" + entry + "' has only stop words");
                    }
                    String other = groupOf.putIfAbsent(words, group.name());
                    if (other != null && !other.equals(group.name())) {
                        // a phrase would then stand for two groups at once
                        throw new IllegalArgumentException("'" + entry + "' of the group '" + group.name()
                                + "' reads as an entry of the group '" + other + "'");
                    }
                    entries.add(words);
                }
                for (CharsRef entry : entries) {
                    if (toGroupNames) {
                        builder.add(entry, new CharsRef(synonymGroupToken(group.name())), false);
                    } else {
                        entries.forEach(other -> builder.add(entry, other, false));
                    }
                }
            }
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("synonyms.txt cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Curly apostrophes read as straight ones, and soft hyphens dropped, by Lucene's char filter. A holder: the
     * analyzers among this class's own constants read text before a plain constant could be set.
     */
    private static final class TypographicMarks {
        static final NormalizeCharMap MAP;

        static {
            var map = new NormalizeCharMap.Builder();
            TYPOGRAPHIC_MARKS.forEach(map::add);
            MAP = map.build();
        }
    }

    /**
     * Sends to the word delimiter only the words it would change, those with a character it splits at: most words
     * have none, and delimiting and flattening cost a captured token state each (half the indexing time).
     */
    static final class DelimitedWords extends ConditionalTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        DelimitedWords(TokenStream input, Function<TokenStream, TokenStream> delimiter) {
            super(input, delimiter);
        }

        @Override
        protected boolean shouldFilter() {
            char[] chars = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                byte type = chars[i] < WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE.length
                        ? WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE[chars[i]]
                        : WordDelimiterIterator.getType(chars[i]);
                if ((type & WordDelimiterIterator.ALPHANUM) == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
