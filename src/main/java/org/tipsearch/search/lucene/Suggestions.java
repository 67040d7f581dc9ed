package org.tipsearch.search.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Suggestion;

/**
 * Completions for the search box, matched anywhere in a suggestion ("organ" completes "Trafficking for organ
 * removal"): topic labels, organizations and States named in the units, and phrases that recur in the
 * reports. Built in memory from what one view of an index holds, whatever engine holds it. Thread-safe.
 */
public final class Suggestions implements Closeable {

    /** A phrase must recur this often in the reports to be suggested. */
    private static final int MIN_PHRASE_COUNT = 3;
    /** Topic labels, then names, rank above phrases of the same frequency. */
    private static final Map<String, Long> KIND_WEIGHT = Map.of("topic", 1_000_000L, "organization", 100_000L,
            "country", 100_000L, "phrase", 0L);
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

    private final AnalyzingInfixSuggester suggester;

    private Suggestions(AnalyzingInfixSuggester suggester) {
        this.suggester = suggester;
    }

    /**
     * @param unitTexts   every unit's text, read once
     * @param facetValues every value of the organization and country facets
     */
    public static Suggestions build(Iterable<String> unitTexts, List<String> topicLabels,
            Map<String, List<String>> facetValues) throws IOException {
        var entries = new LinkedHashMap<String, Suggestion>();
        var weights = new HashMap<String, Long>();
        topicLabels.forEach(label -> add(entries, weights, new Suggestion(label, "topic"), 1));
        facetValues.getOrDefault(Schema.ORGANIZATION, List.of())
                .forEach(name -> add(entries, weights, new Suggestion(name, "organization"), 1));
        facetValues.getOrDefault(Schema.COUNTRY, List.of())
                .forEach(name -> add(entries, weights, new Suggestion(name, "country"), 1));
        recurringPhrases(unitTexts).forEach((phrase, count) -> add(entries, weights, new Suggestion(phrase, "phrase"), count));

        var suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), wordsAnalyzer());
        try {
            suggester.build(new Entries(new ArrayList<>(entries.values()), weights));
            return new Suggestions(suggester);
        } catch (IOException | RuntimeException e) {
            suggester.close();
            throw e;
        }
    }

    public List<Suggestion> lookup(String prefix, int size) throws IOException {
        var out = new ArrayList<Suggestion>();
        for (Lookup.LookupResult result : suggester.lookup(prefix, size, true, false)) {
            out.add(new Suggestion(result.key.toString(), result.payload.utf8ToString()));
        }
        return out;
    }

    private static void add(Map<String, Suggestion> entries, Map<String, Long> weights, Suggestion s, long count) {
        String key = s.text().toLowerCase(Locale.ROOT);
        if (entries.putIfAbsent(key, s) == null) {
            weights.put(key, KIND_WEIGHT.get(s.kind()) + count);
        }
    }

    /**
     * Runs of two to four words, neither starting nor ending with a stop word, that occur at least
     * {@link #MIN_PHRASE_COUNT} times, in their most frequent spelling, with their counts.
     */
    private static Map<String, Long> recurringPhrases(Iterable<String> unitTexts) {
        var counts = new HashMap<String, Long>();
        var spellings = new HashMap<String, Map<String, Integer>>();
        for (String text : unitTexts) {
            var words = new ArrayList<String>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words.add(m.group());
            }
            for (int n = 2; n <= 4; n++) {
                for (int i = 0; i + n <= words.size(); i++) {
                    List<String> run = words.subList(i, i + n);
                    if (isStopWord(run.get(0)) || isStopWord(run.get(n - 1))) {
                        continue;
                    }
                    String phrase = String.join(" ", run);
                    String key = phrase.toLowerCase(Locale.ROOT);
                    counts.merge(key, 1L, Long::sum);
                    spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(phrase, 1, Integer::sum);
                }
            }
        }
        var out = new HashMap<String, Long>();
        counts.forEach((key, count) -> {
            if (count >= MIN_PHRASE_COUNT) {
                String spelling = spellings.get(key).entrySet().stream()
                        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                out.put(spelling, count);
            }
        });
        return out;
    }

    /**
     * Words split at hyphens, lower case, without diacritics, unstemmed: the last word typed is a prefix,
     * so "non-pun" completes "Non-punishment of victims" and "Tur" completes "Türkiye".
     */
    private static Analyzer wordsAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    private static boolean isStopWord(String word) {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() throws IOException {
        suggester.close();
    }

    /** The suggestions as the suggester reads them: text, weight, and the kind as payload. */
    private static final class Entries implements InputIterator {
        private final Iterator<Suggestion> it;
        private final Map<String, Long> weights;
        private Suggestion current;

        Entries(List<Suggestion> suggestions, Map<String, Long> weights) {
            this.it = suggestions.iterator();
            this.weights = weights;
        }

        @Override
        public BytesRef next() {
            if (!it.hasNext()) {
                return null;
            }
            current = it.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return weights.get(current.text().toLowerCase(Locale.ROOT));
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(current.kind().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
