package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines an extraction split that are one: a label alone on its line and the text it labels, a paragraph number
 * left at a line's end and its paragraph, a word broken at a line's end and its rest.
 */
final class LineJoins {

    /** A paragraph number with nothing after it, at the end of a line or alone on it. */
    private static final Pattern DANGLING_NUMBER = Pattern.compile("\\s\\d{1,3}\\.$");
    /**
     * A number left at a line's end after a sentence ended ("… women and girls. 30."), as a wrap leaves paragraphs
     * run together: the next paragraph's when it continues the numbering, not a reference ("article 6." has no
     * sentence end before it).
     */
    private static final Pattern NUMBER_AFTER_SENTENCE = Pattern.compile("[.;:]\\s+(\\d{1,3})\\.$");
    /** A paragraph run into the line after a sentence ("… the Protocol. 2. In its resolution …"). */
    private static final Pattern NUMBER_RUN_IN = Pattern.compile("[.;:]\\s+(\\d{1,3})\\.\\s+\\p{Lu}");
    /** A word's hyphen at a line's end set apart by a space, as a justified layout spreads it. */
    private static final Pattern SPACED_HYPHEN = Pattern.compile("(\\p{L}+) -$");
    private static final Pattern ALONE_NUMBER = Pattern.compile("\\d{1,3}\\.");
    private static final Pattern LABEL_ALONE = Pattern.compile("(?:[IVXL]{1,5}|[A-Z]|\\d{1,3})\\.|\\*");

    private LineJoins() {}

    /**
     * A label alone on its line — a chapter's "II.", a section's "B.", a paragraph's "4.", a cover footnote's "*" —
     * joins the line of text it labels, across blank lines, as an extraction that sets labels apart from their text leaves them; a label
     * followed by another label (a contents' column of labels) stays.
     */
    static List<String> labelsAlone(List<String> raw) {
        var out = new ArrayList<String>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String label = raw.get(i).strip();
            int next = i + 1;
            while (next < raw.size() && raw.get(next).isBlank()) {
                next++;
            }
            if (LABEL_ALONE.matcher(label).matches() && next < raw.size()
                    && !LABEL_ALONE.matcher(raw.get(next).strip()).matches()
                    && Character.isUpperCase(raw.get(next).strip().codePointAt(0))) {
                out.add(label + " " + raw.get(next).strip());
                i = next;
            } else {
                out.add(raw.get(i));
            }
        }
        return out;
    }

    /**
     * A paragraph number alone on a line, or left at the end of a heading's line ("II. … related offences 4."),
     * joins the line of text it numbers, across blank lines. A sentence that ends in a number ("… article 6.") is
     * no heading, and a line that opens a heading, a recommendation or a paragraph is numbered already. A number
     * that ends a paragraph's line after its last sentence and comes next in the numbering opens the next paragraph.
     */
    static void danglingNumbers(List<String> lines, List<Boolean> cover, Set<String> references) {
        int lastParagraph = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Line read = Line.classify(line);
            if (read.type() == Line.Type.NUMBERED) {
                lastParagraph = Integer.parseInt(read.label());
            }
            for (Matcher runIn = NUMBER_RUN_IN.matcher(line); runIn.find(); ) {
                if (Integer.parseInt(runIn.group(1)) == lastParagraph + 1) {
                    lastParagraph++;
                }
            }
            boolean alone = ALONE_NUMBER.matcher(line).matches();
            Matcher afterSentence = NUMBER_AFTER_SENTENCE.matcher(line);
            boolean nextInTurn = afterSentence.find() && lastParagraph > 0
                    && Integer.parseInt(afterSentence.group(1)) == lastParagraph + 1
                    && !afterReference(line, afterSentence.start() + 1, references);
            if (!alone && !nextInTurn && !(DANGLING_NUMBER.matcher(line).find() && read.isHeading())) {
                continue;
            }
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isEmpty()) {
                next++;
            }
            if (next < lines.size() && Character.isUpperCase(lines.get(next).codePointAt(0))
                    && Line.classify(lines.get(next)).type() == Line.Type.TEXT) {
                lastParagraph = nextInTurn ? lastParagraph + 1 : lastParagraph;
                lines.set(i, line + " " + lines.get(next));
                for (int k = next; k > i; k--) {
                    lines.remove(k);
                    cover.remove(k);
                }
            }
        }
    }

    /**
     * Whether the word that ends just before a position (its stop included) is a reference word: "para. 12.",
     * "No. 38" cite a number, they do not end a sentence.
     */
    static boolean afterReference(CharSequence text, int end, Set<String> references) {
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '(') {
            start--;
        }
        String word = text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
        return references.contains(word) || references.contains(word.replaceAll("[.;:,]$", ""));
    }

    /** "traf-" at a line's end and "ficking" opening the next: one word, as {@link Hyphenation} rejoins them. */
    static void brokenWords(List<String> lines, List<Boolean> cover) {
        var counts = new HashMap<String, Integer>(); // the text's words, not those a break cut
        for (String line : lines) {
            for (String word : SPACED_HYPHEN.matcher(line).replaceFirst("").toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher spaced = SPACED_HYPHEN.matcher(lines.get(i - 1));
            if (!line.isEmpty() && Character.isLowerCase(line.codePointAt(0)) && spaced.find()) {
                // pdftotext -layout sets a justified line's hyphen apart from its word: "plat -" over "forms"; a
                // whole word the text has elsewhere before " -" is a dash ("trafficking -" over "irrespective")
                String head = spaced.group(1).toLowerCase(Locale.ROOT);
                String tail = line.split("[^\\p{L}]", 2)[0].toLowerCase(Locale.ROOT);
                if (!counts.containsKey(head) || counts.containsKey(head + tail)) {
                    lines.set(i - 1, lines.get(i - 1).substring(0, spaced.start()) + spaced.group(1) + "-");
                }
            }
        }
        var hyphenation = new Hyphenation(lines);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Hyphenation.isBroken(lines.get(i - 1)) && !line.isEmpty() && Character.isLowerCase(line.codePointAt(0))) {
                lines.set(i - 1, hyphenation.join(lines.get(i - 1), line));
                lines.remove(i);
                cover.remove(i);
                i--;
            }
        }
    }
}
