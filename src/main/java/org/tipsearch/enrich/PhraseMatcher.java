package org.tipsearch.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Finds curator phrases in text, both read through the same analyzer, so that case, diacritics, hyphenation
 * and inflections count: "non-punishment" finds "non punishment", "Organ removal" finds "organs removed"
 * only where the stems agree.
 */
final class PhraseMatcher {

    /** A phrase as the sequence of terms it must show at consecutive positions. */
    record Phrase(String text, List<String> terms) {}

    /** Where a phrase was found: positions [start, end) and character offsets. */
    record Span(int start, int end, int startOffset, int endOffset) {
        boolean within(Span other) {
            return start >= other.start && end <= other.end;
        }
    }

    /** Text read into positions, each with every term standing there (a hyphenated word's parts and whole). */
    static final class Text {
        private final List<Set<String>> terms = new ArrayList<>();
        private final List<int[]> offsets = new ArrayList<>();
        /** Each term's positions, ascending: a phrase is looked for only where its first term stands. */
        private final Map<String, List<Integer>> positions = new HashMap<>();
        private final String raw;

        private Text(String raw) {
            this.raw = raw;
        }

        int size() {
            return terms.size();
        }

        String raw() {
            return raw;
        }
    }

    private final Analyzer analyzer;

    PhraseMatcher(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Phrase phrase(String text) {
        var terms = new ArrayList<String>();
        analyze(text, (term, position, length, start, end) -> {
            if (length == 1) { // a joined form spans several positions; the parts say the same
                terms.add(term);
            }
        });
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the phrase '" + text + "' has no words");
        }
        return new Phrase(text, List.copyOf(terms));
    }

    Text text(String text) {
        var out = new Text(text);
        analyze(text, (term, position, length, start, end) -> {
            while (out.terms.size() <= position) {
                out.terms.add(new HashSet<>());
                out.offsets.add(new int[] {start, end});
            }
            if (out.terms.get(position).add(term)) {
                out.positions.computeIfAbsent(term, t -> new ArrayList<>()).add(position);
            }
            int[] span = out.offsets.get(position);
            span[0] = Math.min(span[0], start);
            span[1] = Math.max(span[1], end);
        });
        return out;
    }

    List<Span> find(Text text, Phrase phrase) {
        var found = new ArrayList<Span>();
        int n = phrase.terms().size();
        for (int start : text.positions.getOrDefault(phrase.terms().get(0), List.of())) {
            if (start + n > text.size()) {
                break;
            }
            int i = 1;
            while (i < n && text.terms.get(start + i).contains(phrase.terms().get(i))) {
                i++;
            }
            if (i == n) {
                found.add(new Span(start, start + n, text.offsets.get(start)[0], text.offsets.get(start + n - 1)[1]));
            }
        }
        return found;
    }

    boolean contains(Text text, Phrase phrase) {
        return !find(text, phrase).isEmpty();
    }

    private interface TokenSink {
        void accept(String term, int position, int length, int start, int end);
    }

    private void analyze(String text, TokenSink sink) {
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                sink.accept(term.toString(), Math.max(position, 0), length.getPositionLength(),
                        offset.startOffset(), offset.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
    }
}
