package org.tipsearch.search.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.tipsearch.curation.CuratorFiles;

/**
 * Sentence boundaries as the JDK's English sentence instance finds them, less those right after a title or a
 * reference that ends in a full stop ({@code abbreviations.txt}: "Mr. Germán", "para. 18", "art. 6"), which the JDK
 * takes for a sentence's end. Used wherever a snippet is cut at sentences, so that none ends in "Mr.".
 */
final class Sentences extends BreakIterator {

    private static final Set<String> ABBREVIATIONS = CuratorFiles.lines(Sentences.class, "abbreviations.txt").stream()
            .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int at;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        var content = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            content.append(c);
        }
        int offset = newText.getBeginIndex();
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String s = content.toString();
        jdk.setText(s);
        var kept = new ArrayList<Integer>();
        for (int b = jdk.first(); b != DONE; b = jdk.next()) {
            if (b == 0 || b == s.length() || !afterAbbreviation(s, b)) {
                kept.add(b + offset);
            }
        }
        bounds = kept.stream().mapToInt(Integer::intValue).toArray();
        at = 0;
    }

    /** Whether the word before the boundary (white space aside) is one after which no sentence ends. */
    private static boolean afterAbbreviation(String s, int boundary) {
        int end = boundary;
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1)) && s.charAt(start - 1) != '(') {
            start--;
        }
        return ABBREVIATIONS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        at = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        at = bounds.length - 1;
        return bounds[at];
    }

    @Override
    public int next(int n) {
        int target = at + n;
        if (target < 0 || target >= bounds.length) {
            at = target < 0 ? 0 : bounds.length - 1;
            return DONE;
        }
        at = target;
        return bounds[at];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        int i = Arrays.binarySearch(bounds, offset);
        i = i >= 0 ? i + 1 : -i - 1;
        if (i >= bounds.length) {
            at = bounds.length - 1;
            return DONE;
        }
        at = i;
        return bounds[at];
    }

    @Override
    public int preceding(int offset) {
        int i = Arrays.binarySearch(bounds, offset);
        i = i >= 0 ? i - 1 : -i - 2;
        if (i < 0) {
            at = 0;
            return DONE;
        }
        at = i;
        return bounds[at];
    }

    @Override
    public int current() {
        return bounds[at];
    }

    /** The sentences of a text, in order, each stripped. */
    static List<String> of(String text) {
        var it = new Sentences();
        it.setText(new StringCharacterIterator(text));
        var out = new ArrayList<String>();
        for (int start = it.first(), end = it.next(); end != DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }
}
