package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An unnumbered text such as a web article or a Word file whose automatic numbers were lost: the first line is its
 * title, every other line a paragraph, a bullet or a heading, numbered in order; a line that starts in lower case
 * continues the one before (a page break), and items labelled "(a)" belong to the paragraph that introduced them.
 */
final class UnnumberedText {
    /** A line that ends a paragraph: a sentence's end, a closing quote or bracket after it, a footnote's mark. */
    private static final Pattern PARAGRAPH_END = Pattern.compile(".*[.;:!?][\"”’)]?[" + Line.superscriptDigits() + "]*$");
    private static final Pattern BULLET = Pattern.compile("[-–•▪]\\s+.*");
    /** An item labelled "(a)" or "(iv)", which belongs to the paragraph that introduced the list. */
    private static final Pattern ITEM = Pattern.compile("\\([a-z]{1,4}\\)\\s+.*");
    /** A line that could be a heading: short, opening with a capital, and ending no sentence. */
    private static final Pattern HEADING_FORM = Pattern.compile("\\p{Lu}[^.;:!?,]{0,118}[^.;:!?,\\s]");
    private static final int HEADING_WORDS = 12;
    /** The lines a title block may hold. */
    private static final int TITLE_BLOCK_LINES = 3;
    /** A text whose lines run on without blank lines: at least so many lines, at most one blank line in so many. */
    private static final int PACKED_TEXT_LINES = 10;
    /** A line that ends in one of these words was broken off mid-sentence, as a page break leaves it. */
    private static final Pattern BROKEN_OFF = Pattern.compile(
            "(?i).*\\b(?:the|a|an|of|in|on|at|to|for|from|by|with|and|or|as|that|which|whose|their|its|between|among"
            + "|including|into|than|such|these|those|this|other|both|each|against|within|without|under|over|through"
            + "|is|are|was|were|be|been|has|have|had|not|should|would|could|will|can|may|must|shall)$");
    /** How many of the lines are the cover, as the layout found it. */
    private final int coverLines;

    private final Pattern preambleOpening;

    UnnumberedText(int coverLines, Pattern preambleOpening) {
        this.coverLines = coverLines;
        this.preambleOpening = preambleOpening;
    }

    ReportParser.ParsedText parse(List<Line> lines) {
        var frontMatter = new ArrayList<String>();
        var units = new DraftedUnits();
        UnitDraft current = null;
        String previous = "";
        int number = 0;
        boolean blankBefore = false;
        boolean inItems = false;
        var section = new ArrayList<String>();
        boolean headingLast = false;
        int titleEnd = titleBlocksEnd(lines, Math.max(coverLines, 1));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.type() == Line.Type.BLANK) {
                blankBefore = true;
                continue;
            }
            String s = line.raw();
            boolean bullet = BULLET.matcher(s).matches();
            boolean afterBlank = blankBefore;
            blankBefore = false;
            if (frontMatter.isEmpty() && coverLines == 0 || i < coverLines || i < titleEnd
                    || DateMentions.isDateLine(s)) {
                frontMatter.add(s);
            } else if (line.type() == Line.Type.FOOTNOTE) {
                units.footnote(new Footnote(line.label(), line.text()), current != null);
            } else if (current != null && ITEM.matcher(s).matches() && (inItems || current.endsWithColon())) {
                current.addItem(s); // "(a) …" under the paragraph that introduced the list
                inItems = true;
            } else if (afterBlank && isHeading(lines, i)) {
                // a heading stands alone between blank lines: it closes the unit before it and heads the next
                if (current != null) {
                    units.add(current);
                    current = null;
                }
                if (!headingLast) {
                    section.clear();
                }
                section.add(s);
                headingLast = true;
                inItems = false;
                previous = s;
                continue;
            } else if (current != null && !bullet
                    && (Character.isLowerCase(s.codePointAt(0)) || !PARAGRAPH_END.matcher(previous).matches())) {
                current.continueWith(s); // a page break, or a line a hard-wrapped text broke mid-sentence
            } else {
                if (current != null) {
                    units.add(current);
                }
                current = new UnitDraft(bullet ? UnitKind.BULLET : UnitKind.PARAGRAPH, String.valueOf(++number),
                        section, false, bullet ? s.replaceFirst("^[-–•▪]\\s+", "") : s);
                inItems = false;
            }
            headingLast = false;
            previous = s;
        }
        if (current != null) {
            units.add(current);
        }
        if (headingLast && !section.isEmpty()) { // headings nothing follows head no unit: their text is one
            units.add(new UnitDraft(UnitKind.PARAGRAPH, String.valueOf(++number), List.of(), false,
                    String.join(" ", section)));
        }
        int kept = units.keepCoverProse(frontMatter, preambleOpening);
        return new ReportParser.ParsedText(frontMatter, units.build(), false, Map.of(), kept);
    }

    /**
     * Where a title block ends in a text whose paragraphs follow each other without blank lines (as antiword or a
     * statement's Word file gives them): the short blocks apart by blank lines at its top that end no sentence
     * ("Joint statement on behalf of … organizations", "Delivered by Ms. …") are its title and byline, not its
     * first paragraph. Where blank lines part the paragraphs, such a block is a heading, and no line is taken.
     */
    private static int titleBlocksEnd(List<Line> lines, int from) {
        int end = from;
        int at = from;
        while (true) {
            while (at < lines.size() && lines.get(at).type() == Line.Type.BLANK) {
                at++;
            }
            int blockEnd = at;
            while (blockEnd < lines.size() && lines.get(blockEnd).type() != Line.Type.BLANK) {
                blockEnd++;
            }
            if (at == blockEnd || blockEnd - at > TITLE_BLOCK_LINES || blockEnd >= lines.size()) {
                break;
            }
            String last = lines.get(blockEnd - 1).raw();
            String first = lines.get(at).raw();
            if (PARAGRAPH_END.matcher(last).matches() || last.endsWith(",") || !Character.isUpperCase(first.codePointAt(0))
                    || BULLET.matcher(first).matches() || ITEM.matcher(first).matches()) {
                break;
            }
            at = blockEnd;
            end = blockEnd;
        }
        int text = 0;
        int blank = 0;
        for (int i = end; i < lines.size(); i++) {
            if (lines.get(i).type() == Line.Type.BLANK) {
                blank++;
            } else {
                text++;
            }
        }
        return text >= PACKED_TEXT_LINES && blank * PACKED_TEXT_LINES <= text ? end : from;
    }

    /**
     * Whether a line (after a blank one) is a heading of a text whose headings carry no labels: short, opening with
     * a capital and ending no sentence (nor broken off after "the", "of" …), with a blank line after it and a
     * capital or a list opening what follows.
     * A hard-wrapped paragraph's lines have no blank line between them, so none of them is taken for one.
     */
    private static boolean isHeading(List<Line> lines, int at) {
        String s = lines.get(at).raw();
        if (!HEADING_FORM.matcher(s).matches() || BROKEN_OFF.matcher(s).matches()
                || s.split("\\s+").length > HEADING_WORDS
                || at + 1 >= lines.size() || lines.get(at + 1).type() != Line.Type.BLANK) {
            return false;
        }
        for (int next = at + 1; next < lines.size(); next++) {
            if (lines.get(next).type() != Line.Type.BLANK) {
                String t = lines.get(next).raw();
                return Character.isUpperCase(t.codePointAt(0)) || BULLET.matcher(t).matches();
            }
        }
        return false;
    }
}
