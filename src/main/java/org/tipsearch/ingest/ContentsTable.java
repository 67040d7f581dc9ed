package org.tipsearch.ingest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A report's table of contents, told by its heading and by what marks its entries (dot leaders, paragraph ranges,
 * page numbers) and column heads, as {@code report-cues.json} gives them: on lines of its own, over several lines,
 * or flattened onto one.
 */
final class ContentsTable {

    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    /** A chapter's or section's label alone, as a contents' column of labels prints it. */
    private static final Pattern LABEL = Pattern.compile("(?:[IVXL]{1,5}|[A-Z])\\.");

    private final Pattern heading;
    private final Pattern entry;
    private final Pattern columns;

    ContentsTable(ReportCues.ContentsCue cue) {
        heading = Pattern.compile(cue.heading()); // a capital: "contents of the plans" opening a line is text
        entry = Pattern.compile(cue.entry());
        columns = Pattern.compile(cue.columns(), Pattern.CASE_INSENSITIVE);
    }

    /**
     * Whether the line at {@code at} opens a table of contents: its heading, followed by entries within a few
     * lines, or with entries of its own (a table flattened onto the line).
     */
    boolean starts(List<String> raw, int at) {
        String line = raw.get(at).strip();
        if (!heading.matcher(line).find()) {
            return false;
        }
        if (entry.matcher(line).results().count() >= 2) {
            return true;
        }
        // its entries follow within a few lines, after column heads and a column of labels at most
        for (int i = at + 1, lines = 0; i < raw.size() && lines < 5; i++) {
            String next = SPACES.matcher(raw.get(i).strip()).replaceAll(" ");
            // an entry by its leaders, or by the column gap before its page (a table's cells set apart)
            if (entry.matcher(next).find() || entry.matcher(raw.get(i).strip()).find()) {
                return true;
            }
            if (!next.isEmpty() && !columns.matcher(next).matches() && !LABEL.matcher(next).matches()) {
                lines++;
            }
        }
        return false;
    }

    /** An entry, a column head, or the first line of an entry printed over two (its leader on the next line). */
    boolean continues(List<String> raw, int at) {
        String s = raw.get(at).strip();
        if (entry.matcher(s).find() || columns.matcher(SPACES.matcher(s).replaceAll(" ")).matches()
                || LABEL.matcher(s).matches()) {
            return true;
        }
        // a page may break an entry (a form feed reads as a blank line): the entry's rest is on the next page
        for (int i = at + 1, lines = 0; i < raw.size() && lines < 2; i++) {
            String next = raw.get(i).strip();
            if (next.isEmpty()) {
                continue;
            }
            if (TextLayout.opensBody(next)) {
                return false;
            }
            if (entry.matcher(next).find()) {
                return true;
            }
            lines++;
        }
        return false;
    }
}
