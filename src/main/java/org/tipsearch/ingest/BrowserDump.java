package org.tipsearch.ingest;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that a text-mode browser dumped from a document's web page (lynx -dump, elinks -dump): each link's text
 * opens with its number in brackets ("see [1]CTOC/COP/WG.4/2018/4"), the page closes with a "References" list of
 * those numbers' addresses, and a superscript is set after a caret ("Protocol^1", "^1 United Nations, Treaty
 * Series"). Read as the text the page shows: the list is cut, the links' numbers and the carets dropped, so that a
 * footnote's marker and line read as a printed page's do. Only a text whose numbered links the list at its end
 * resolves loses its links' numbers: a plain text's own "[1]" stays as it is; carets go also from a dump without
 * a list (w3m's), where a note's line after a caret shows them to be footnotes' marks.
 */
final class BrowserDump {

    /** The heading of a dump's list of links, on a line of its own. */
    private static final Pattern LIST_HEADING = Pattern.compile("[ \\t]*References[ \\t]*");
    /** A line of the list: a numbered address of any scheme ("12. https://…", "3. mailto:…"), or lynx's headings. */
    private static final Pattern LIST_LINE = Pattern.compile(
            "[ \\t]*(?:(\\d{1,5})\\.[ \\t]+[A-Za-z][A-Za-z0-9+.-]*:\\S*|Visible links:?|Hidden links:?)[ \\t]*");
    /** A link's number before its text: "[12]" glued to the next character. */
    private static final Pattern LINK_MARK = Pattern.compile("\\[(\\d{1,4})](?=\\S)");
    /** A caret before a superscript footnote mark, not a power ("10^6"). */
    private static final Pattern CARET = Pattern.compile("(?<!\\d)\\^(?=[\\d*\u2020\u2021])");

    private static final Pattern AFTER_FIGURE = Pattern.compile("(\\d[.,;:)]?)\\^(\\d{1,3})");
    /** A footnote's line after a caret: "^1 Hereinafter referred to as …". */
    private static final Pattern NOTE_LINE = Pattern.compile("(?m)^[ \\t]*\\^(\\d{1,3})[ \\t]+\\p{Lu}");

    /** The text without the list of links at its end and without the marks of its links, if it is a dump. */
    record Read(String text, int linkList, int linkMarks) {}

    private BrowserDump() {}

    static Read plain(String text) {
        // read line by line from the end: the list may hold thousands of links
        String[] lines = text.split("\n", -1);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--;
        }
        var numbers = new HashSet<String>();
        int at = end;
        while (at > 0 && (lines[at - 1].isBlank() || LIST_LINE.matcher(lines[at - 1]).matches())) {
            at--;
            Matcher link = LIST_LINE.matcher(lines[at]);
            if (link.matches() && link.group(1) != null) {
                numbers.add(link.group(1));
            }
        }
        if (numbers.isEmpty() || at == 0 || !LIST_HEADING.matcher(lines[at - 1]).matches()) {
            return caretNotes(text);
        }
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(0, at - 1)) + "\n";
        if (!resolves(body, numbers)) {
            return caretNotes(text);
        }
        String unmarked = LINK_MARK.matcher(body).replaceAll(m -> numbers.contains(m.group(1)) ? "" : "$0");
        unmarked = CARET.matcher(unmarked).replaceAll("");
        return new Read(unmarked, TextAccount.characters(text) - TextAccount.characters(body),
                TextAccount.characters(body) - TextAccount.characters(unmarked));
    }

    /**
     * A dump without a list of links (w3m -dump) still sets its footnotes after carets: where a line opens with a
     * caret's note ("^1 Hereinafter …") whose mark the text cites before it ("mechanism.^1"), the carets go.
     */
    private static Read caretNotes(String text) {
        Matcher note = NOTE_LINE.matcher(text);
        while (note.find()) {
            if (text.substring(0, note.start()).contains("^" + note.group(1))) {
                // after a figure raised rather than dropped, so that "resolution 11/2.^1" does not read "11/2.1"
                String plain = CARET.matcher(AFTER_FIGURE.matcher(text)
                        .replaceAll(m -> m.group(1) + TextLayout.superscript(m.group(2)))).replaceAll("");
                return new Read(plain, 0, TextAccount.characters(text) - TextAccount.characters(plain));
            }
        }
        return new Read(text, 0, 0);
    }

    /** Whether most of the body's bracketed numbers are links the list resolves. */
    private static boolean resolves(String body, Set<String> numbers) {
        long marks = LINK_MARK.matcher(body).results().count();
        long resolved = LINK_MARK.matcher(body).results().filter(r -> numbers.contains(r.group(1))).count();
        return resolved > 0 && resolved * 2 >= marks;
    }
}
