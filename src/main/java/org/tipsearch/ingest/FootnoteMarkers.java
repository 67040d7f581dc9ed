package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnote markers as extraction left them in the text, set as the superscripts their footnote lines carry: a digit
 * glued to the word it follows ("agreements3"), or a number set apart as a word of its own ("routes. 2").
 */
final class FootnoteMarkers {

    /**
     * A marker a tool set apart as a word of its own after a stop or a comma ("… migration routes. 2", "2023 , 1
     * which", "advantage. 1 It combines"), at the line's end, before a word in lower case, or after a stop before
     * any word; only the next footnote's number is one.
     */
    private static final Pattern SPACED_MARKER = Pattern.compile("([.,;:)”’\"])\\s{1,2}(\\d{1,3})(?=\\s+(\\p{L})|\\s*$)");
    /**
     * A plain digit glued to a small letter, or to the stop after it, or to a figure's comma ("1930,2"): a footnote's
     * marker as extraction left it.
     */
    private static final Pattern GLUED_MARKER =
            Pattern.compile("(?<=\\p{Ll}[,.;:)”’\"]?|\\p{N}[,;)])(\\d{1,3})(?=[\\s,.;:)]|$)");

    /** A digit glued to a word, or to a bracket, and its stops: "Air.1", "(CTOC/COP/WG.7/2024/3).3". */
    private static final Pattern GLUED_AFTER_STOP =
            Pattern.compile("(?<=[\\p{Ll})\\]][,.;:)”’\"]{0,2})(\\d{1,2})(?=[\\s,.;:)]|$)");

    private FootnoteMarkers() {}

    /** Whether the digit at {@code at} ends a document symbol's part ("CTOC/COP/2024/5/Add.1"), not a word. */
    private static boolean inSymbol(String line, int at) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(line.charAt(start - 1)) && "()".indexOf(line.charAt(start - 1)) < 0) {
            start--; // a bracket closes a symbol cited in it: "(CTOC/COP/WG.7/2024/3).3" is a marker after it
        }
        return line.substring(start, at).contains("/");
    }

    /**
     * A text whose converter dropped the footnotes (LibreOffice's text export) keeps their markers glued to the
     * words: those that number 1, 2, 3 … in the order of the text, two at least, are set as superscripts, which a
     * unit's text does not carry. Any other glued digit stays.
     */
    private static void raiseWithoutNotes(List<String> lines, List<Boolean> cover) {
        var found = new ArrayList<int[]>(); // line, start
        int expected = 1;
        for (int i = 0; i < lines.size(); i++) {
            if (cover.get(i)) {
                continue;
            }
            Matcher m = GLUED_AFTER_STOP.matcher(lines.get(i));
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == expected && !inSymbol(lines.get(i), m.start())) {
                    found.add(new int[] {i, m.start(), m.end()});
                    expected++;
                }
            }
        }
        if (found.size() < 2) {
            return;
        }
        for (int k = found.size() - 1; k >= 0; k--) {
            int[] at = found.get(k);
            String line = lines.get(at[0]);
            lines.set(at[0], line.substring(0, at[1]) + TextLayout.superscript(line.substring(at[1], at[2]))
                    + line.substring(at[2]));
        }
    }

    /**
     * A footnote's marker that extraction left as a plain digit glued to the word it follows ("agreements3",
     * "Persons,1 the") is set as the superscript the footnote line carries, so the word reads as itself: only the
     * text's footnote numbers, each the first such digit after the previous one's, and only after a small letter
     * (never "WG.4" or "COVID-19"); then a number set apart after a stop or comma, never after a reference word
     * ("No. 38", "para. 2").
     */
    static void raise(List<String> lines, List<Boolean> cover, Set<String> references) {
        var notes = new TreeSet<Integer>();
        for (String line : lines) {
            Line l = TextLayout.isFootnoteLine(line) ? Line.classify(line) : null;
            if (l != null && l.type() == Line.Type.FOOTNOTE && l.label().chars().allMatch(Character::isDigit)) {
                notes.add(Integer.parseInt(l.label()));
            }
        }
        if (notes.isEmpty()) {
            raiseWithoutNotes(lines, cover);
            return;
        }
        Integer expected = notes.first();
        for (int i = 0; i < lines.size() && expected != null; i++) {
            String line = lines.get(i);
            if (cover.get(i) || TextLayout.isFootnoteLine(line)) {
                continue;
            }
            Matcher m = GLUED_MARKER.matcher(line);
            var out = new StringBuilder();
            while (m.find()) {
                boolean next = expected != null && Integer.parseInt(m.group(1)) == expected && !inSymbol(line, m.start());
                m.appendReplacement(out, next ? TextLayout.superscript(m.group(1)) : m.group(1));
                if (next) {
                    expected = notes.higher(expected);
                }
            }
            m.appendTail(out);
            Matcher spaced = SPACED_MARKER.matcher(out.toString());
            var raised = new StringBuilder();
            while (spaced.find()) {
                boolean placed = (spaced.group(3) == null || Character.isLowerCase(spaced.group(3).codePointAt(0))
                        || ".;:".indexOf(spaced.group(1).charAt(0)) >= 0)
                        && !LineJoins.afterReference(out, spaced.start(1) + 1, references);
                boolean next = placed && expected != null && Integer.parseInt(spaced.group(2)) == expected;
                spaced.appendReplacement(raised, Matcher.quoteReplacement(
                        next ? spaced.group(1) + TextLayout.superscript(spaced.group(2)) : spaced.group()));
                if (next) {
                    expected = notes.higher(expected);
                }
            }
            spaced.appendTail(raised);
            lines.set(i, raised.toString());
        }
    }
}
