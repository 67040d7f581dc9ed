package org.tipsearch.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Footnotes a tool left without their rule ("1 See Global Study …" at a page's foot, as a browser's copy or a
 * Markdown writer leaves them): a line that opens with a number and a capital is a footnote where the page's
 * furniture follows it within a few lines and the text above carries that number as a marker ("subregions.1",
 * "routes. 2"). Either alone is no footnote: a wrapped line may open with a figure, and a page may end on one.
 */
final class UnruledFootnotes {

    /** "1 See …", "* CTOC/…": not a date a wrapped line opens with ("2 December 2022, welcomed …"). */
    private static final Pattern NOTE = Pattern.compile("(\\d{1,2}|\\*{1,3})\\s+(?!(?:January|February|March|April|May"
            + "|June|July|August|September|October|November|December)\\b)\\p{Lu}.*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;!?][\"”’)]?$");
    /** How many lines a footnote may take below the line that opens it, the page's furniture after them. */
    private static final int REACH = 5;
    /** How many footnotes a page's foot holds at most, below the one that opens them. */
    private static final int NOTES_A_PAGE = 4;

    private UnruledFootnotes() {}

    /** The indexes of the lines that open a footnote left without its rule. */
    static Set<Integer> in(List<String> raw, Predicate<String> pageFurniture) {
        var notes = new HashSet<Integer>();
        var above = new StringBuilder();
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i).strip();
            var note = NOTE.matcher(line);
            if (note.matches() && endsPage(raw, i, pageFurniture) && marked(above, note.group(1))) {
                notes.add(i);
            }
            above.append(line).append('\n');
        }
        return notes;
    }

    /**
     * Whether a page ends below the line: its furniture follows within reach, or a paragraph's rest opening in lower
     * case after a line that ended a sentence (the page's text going on after its footnotes, as a tool that drops
     * headers and footers leaves it; a note's own second line follows a line that did not end).
     */
    private static boolean endsPage(List<String> raw, int at, Predicate<String> pageFurniture) {
        String previous = raw.get(at).strip();
        for (int i = at + 1, seen = 0, notes = 1; i < raw.size() && seen < REACH; i++) {
            String line = raw.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            // the next of the page's footnotes: its lines count anew, for the few notes a page holds
            boolean anotherNote = NOTE.matcher(line).matches() && notes < NOTES_A_PAGE;
            notes += anotherNote ? 1 : 0;
            seen = anotherNote ? 1 : seen + 1;
            if (pageFurniture.test(line)
                    || Character.isLowerCase(line.codePointAt(0)) && SENTENCE_END.matcher(previous).find()) {
                return true;
            }
            previous = line;
        }
        return false;
    }

    /**
     * The number as a marker, glued to a word or its stop, to a figure's comma ("1930,2"), or apart after a stop or
     * comma on the same line (a number opening the next line is a paragraph's or a wrapped figure); a star after a
     * word, as a cover's agenda item carries it ("Item 5 of the provisional agenda *").
     */
    private static boolean marked(CharSequence text, String marker) {
        String shape = marker.startsWith("*") ? "\\p{L}\\s?" + Pattern.quote(marker) + "(?!\\*)"
                : "(?:\\p{Ll}[.,;:)”’\"]?|\\p{N}[,;)]|[.,;:)”’\"][ \\t])" + marker + "(?!\\d)";
        return Pattern.compile(shape).matcher(text).find();
    }
}
