package org.tipsearch.ingest;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Footnotes whose number a tool set on a line of its own above their text, as pdftotext and MuPDF give a Word file's
 * ("1" / "2/5" / "United Nations, Treaty Series …" at a page's foot).
 */
final class NotesBelowNumbers {

    private static final Pattern LONE_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?][\"”’)]?$");
    /** How far below its number a footnote's text may stand: blank lines and a page number between. */
    private static final int NOTE_REACH = 6;
    private static final int NOTE_WORDS = 6;

    private NotesBelowNumbers() {}

    /**
     * The line of a footnote's text below a number alone on its line (past blank lines and a page's furniture, which
     * a tool may set between them), or -1: the number is the text's next footnote, the text cites it before as a
     * digit glued to a word ("Protocol1", "Crime.1"), the line below opens a note (a sentence, or six words at
     * least), not a paragraph, a heading or a table's cell, and the page's foot follows the note.
     */
    static int textBelow(List<String> raw, int at, int lastNote, Predicate<String> printsPageFurniture) {
        String number = raw.get(at).strip();
        if (!LONE_NUMBER.matcher(number).matches() || !TextLayout.nextNote(number, lastNote)) {
            return -1;
        }
        int below = at + 1;
        while (below < raw.size() && (raw.get(below).isBlank() || printsPageFurniture.test(raw.get(below))
                && !LONE_NUMBER.matcher(raw.get(below).strip()).matches())) {
            below++;
        }
        if (below >= raw.size() || below - at > NOTE_REACH) {
            return -1;
        }
        String text = raw.get(below).strip();
        // a note reads as a sentence or a citation, not a table's cell ("United Nations entities" under "2")
        boolean noteLike = SENTENCE_END.matcher(text).find() || text.split("\\s+").length >= NOTE_WORDS;
        if (!Character.isUpperCase(text.codePointAt(0)) || !noteLike || TextLayout.opensUnit(text) || printsPageFurniture.test(text)) {
            return -1;
        }
        if (!pageFootBelow(raw, below, printsPageFurniture)) {
            return -1; // a page number over the next page's first line, or a section's number over its title
        }
        Pattern cited = Pattern.compile("\\p{Ll}[,.;:)”’\"]?" + number + "(?=[\\s,.;:)]|$)");
        for (int k = at - 1; k >= 0; k--) {
            if (cited.matcher(raw.get(k)).find()) {
                return below;
            }
        }
        return -1;
    }

    /** Whether a page's foot follows the line within a few lines: its furniture, or the next note's number. */
    private static boolean pageFootBelow(List<String> raw, int at, Predicate<String> printsPageFurniture) {
        for (int i = at + 1, seen = 0; i < raw.size() && seen < NOTE_REACH; i++) {
            String line = raw.get(i).strip();
            if (printsPageFurniture.test(line) || LONE_NUMBER.matcher(line).matches()) {
                return true;
            }
            seen += line.isEmpty() ? 0 : 1;
        }
        return false;
    }
}
