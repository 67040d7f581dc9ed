package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnotes a converter gathered at the text's end, as pandoc writes a Word file's: "[^1]: United Nations, Treaty
 * Series …" in Markdown, "[1] United Nations …" in plain text, each cited in the text by its number glued to a word
 * ("Convention[^1]", "Persons.[17]"). Read as a printed page's footnotes: the marker raised ("Convention¹"), the
 * note a footnote line ("¹ United Nations …", its lines joined), which the parser gives to the unit that cites it.
 * Only notes the text cites, at its very end, are read so: a list of references elsewhere stays as it is.
 */
final class EndNotes {

    private static final Pattern NOTE = Pattern.compile("[ \\t]*\\[\\^?(\\d{1,3})\\]:?[ \\t]+(\\S.*)");
    private static final Pattern RULE = Pattern.compile("[ \\t]*[-_—]{8,}[ \\t]*");
    private static final Pattern MARK = Pattern.compile("(?<=[\\p{L}\\p{N}\\p{P}])\\[\\^?(\\d{1,3})\\]");

    private EndNotes() {}

    static String plain(String text) {
        String[] lines = text.split("\n", -1);
        int start = notesStart(lines);
        if (start == lines.length) {
            return text;
        }
        var notes = new ArrayList<String>();
        var numbers = new HashSet<String>();
        for (int i = start; i < lines.length; i++) {
            Matcher note = NOTE.matcher(lines[i]);
            if (note.matches()) {
                numbers.add(note.group(1));
                notes.add(TextLayout.superscript(note.group(1)) + " " + note.group(2).strip());
            } else if (!lines[i].isBlank()) {
                notes.set(notes.size() - 1, notes.getLast() + " " + lines[i].strip()); // the note's next line
            }
        }
        String body = String.join("\n", List.of(lines).subList(0, start));
        if (!cited(body, numbers)) {
            return text;
        }
        String raised = MARK.matcher(body).replaceAll(m -> numbers.contains(m.group(1))
                ? TextLayout.superscript(m.group(1)) : Matcher.quoteReplacement(m.group()));
        return raised + "\n\n" + String.join("\n", notes) + "\n";
    }

    /** The first line of the notes that close the text: blocks between blank lines, each opening with a note. */
    private static int notesStart(String[] lines) {
        int start = lines.length;
        int end = lines.length;
        while (end > 0) {
            while (end > 0 && lines[end - 1].isBlank()) {
                end--;
            }
            int blockStart = end;
            // a rule above the notes sets them apart as a blank line does (antiword's, right under the text)
            while (blockStart > 0 && !lines[blockStart - 1].isBlank() && !RULE.matcher(lines[blockStart - 1]).matches()) {
                blockStart--;
            }
            if (blockStart == end || !NOTE.matcher(lines[blockStart]).matches()) {
                return start;
            }
            // a block of several notes without blank lines between them: each of its lines a note or a note's rest
            start = blockStart;
            end = blockStart;
        }
        return start;
    }

    /** Whether the text cites every note by its marker. */
    private static boolean cited(String body, Set<String> numbers) {
        var marks = new HashSet<String>();
        MARK.matcher(body).results().forEach(r -> marks.add(r.group(1)));
        return marks.containsAll(numbers);
    }
}
