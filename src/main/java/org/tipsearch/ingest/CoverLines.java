package org.tipsearch.ingest;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cover's line as the lines its pages print: the columns of a two-column masthead apart (by the gap between them,
 * or, where a tool joined them with one space, by the right column's items at the line's end), and a cover
 * flattened onto one line cut before and after each of its items (symbol, distribution, date, body, meeting, agenda
 * item, kind of paper). The items are the curator's ({@code coverItems}, {@code rightColumn} in the cues).
 */
final class CoverLines {

    /** A line this long is a cover flattened onto one line, not a masthead's line. */
    private static final int FLATTENED_COVER_LENGTH = 150;
    /** The start of a range of dates, before its last date: "12 and", "from 2 to", "2–". */
    private static final Pattern RANGE_OPEN = Pattern.compile("(?:\\d|\\band|\\bto|[-\u2013,])\\s*$");

    private final List<Pattern> coverItems;
    /** The right column's items, the distribution first; and its issue date, under the distribution. */
    private final List<Pattern> rightColumn;
    private final List<Pattern> issueDate;

    CoverLines(ReportCues cues) {
        coverItems = cues.coverItems().stream().map(Pattern::compile).toList();
        rightColumn = cues.rightColumn().items().stream().map(Pattern::compile).toList();
        issueDate = cues.rightColumn().dateUnderDistribution() == null ? List.of()
                : List.of(Pattern.compile(cues.rightColumn().dateUnderDistribution()));
    }

    /** Adds the lines a cover's line holds to {@code out}, after the cover's lines so far. */
    void split(String line, List<String> out) {
        for (String column : line.strip().split("\\s{3,}")) {
            if (column.length() < FLATTENED_COVER_LENGTH) {
                splitColumns(column, out);
            } else {
                splitItems(column, out);
            }
        }
    }

    /** A masthead's line whose right column a tool ran into the left one's with a single space. */
    private void splitColumns(String column, List<String> out) {
        // the line under the distribution, a blank line between or not
        String above = out.reversed().stream().filter(l -> !l.isBlank()).findFirst().orElse(null);
        boolean underDistribution = !rightColumn.isEmpty() && above != null
                && rightColumn.getFirst().matcher(" " + above).find();
        Matcher right = (underDistribution ? issueDate.stream() : rightColumn.stream())
                .map(p -> p.matcher(column)).filter(Matcher::find).findFirst().orElse(null);
        // a date that closes a range ("Vienna, 12 and 13 October 2020") is the meeting's, not the issue's
        if (right == null || underDistribution && RANGE_OPEN.matcher(column.substring(0, right.start())).find()) {
            out.add(column);
            return;
        }
        addPart(column.substring(0, right.start()), out);
        addPart(column.substring(right.start()), out);
    }

    /** A cover flattened onto one line, cut before and after each of its items. */
    private void splitItems(String column, List<String> out) {
        var cuts = new TreeSet<Integer>();
        for (Pattern item : coverItems) {
            Matcher m = item.matcher(column);
            while (m.find()) {
                cuts.add(m.start());
                cuts.add(m.end());
            }
        }
        int from = 0;
        for (int cut : cuts) {
            addPart(column.substring(from, cut), out);
            from = Math.max(from, cut);
        }
        addPart(column.substring(from), out);
    }

    private static void addPart(String part, List<String> out) {
        if (!part.isBlank()) {
            out.add(part.strip());
        }
    }
}
